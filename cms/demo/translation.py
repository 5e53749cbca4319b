"""The demo's translated lesson: Tả Van's "SRI là gì" in Hmông (Lus Hmoob).

The Hmông words are generated placeholder text, and the page says so in
Vietnamese. The call-out and the quote are left untranslated on purpose, to show a
translation falling back to the Vietnamese blocks. Made once; a later run leaves an
existing translation (and any staff edits to it) as it is.
"""

from wagtail.models import Locale

from cms.models import LessonPage
from cms.translations import vietnamese_only

LESSON_SLUG = "sri-la-gi"
COURSE_SLUG = "ky-thuat-trong-lua-cai-tien-sri"
LANGUAGE = "hmn"

TITLE = "SRI yog dab tsi thiab vim li cas yuav tsum siv"
SUMMARY = "Plaub txoj cai ntawm txoj kev cog nplej SRI."
NOTICE = (
    "<p>Bản tiếng Hmông của bài này là văn bản minh hoạ do máy tạo ra cho bản trình "
    "diễn, chưa được người nói tiếng Hmông kiểm tra. Những phần chưa dịch hiện bằng "
    "tiếng Việt.</p>"
)
# The Vietnamese blocks in order: paragraph, heading, list, call-out, quote.
TRANSLATED = {
    0: (
        "<p>SRI (txoj kev cog nplej zoo dua) tsis yog ib hom noob nplej tshiab, tab "
        "sis yog txoj kev saib xyuas kom cov nplej muaj cag muaj zog, tawm ntau kaus "
        "thiab tsis tshua muaj kab mob.</p>"
    ),
    1: {"text": "Plaub txoj cai tseem ceeb", "level": "h2"},
    2: (
        "<ul><li>Cog yub me, thaum yub muaj 2 – 2,5 nplooj; rho yub maj mam thiab cog "
        "tam sim ntawd.</li><li>Cog kom deb, ib pawg 1 – 2 tsob, cog kom ntiav.</li>"
        "<li>Khaws teb kom ntub, tso dej ntub thiab qhuav hloov, tsis txhob tso dej "
        "puv ntsis tas li.</li><li>Siv chiv organic ntau, ntais nroj thiab zom av kom "
        "av tau cua.</li></ul>"
    ),
}


def source_lesson() -> LessonPage | None:
    return (
        vietnamese_only(LessonPage.objects.filter(slug=LESSON_SLUG))
        .filter(url_path__contains=f"/{COURSE_SLUG}/")
        .first()
    )


def load_hmong_lesson() -> LessonPage | None:
    """The Hmông version of the SRI lesson, live; None without the source lesson."""
    source = source_lesson()
    if source is None:
        return None
    locale, _created = Locale.objects.get_or_create(language_code=LANGUAGE)
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = source.copy_for_translation(locale, copy_parents=True)
    blocks = [dict(block) for block in source.body.raw_data]
    for position, value in TRANSLATED.items():
        blocks[position] = {**blocks[position], "value": value}
    notice = {"type": "callout", "value": {"kind": "note", "text": NOTICE}}
    translation.title = TITLE
    translation.draft_title = TITLE
    translation.summary = SUMMARY
    translation.body = [notice, *blocks]
    translation.save_revision().publish()
    return translation

"""Translated pages and their Vietnamese source, in one place.

A page translated with Wagtail's internationalisation shares its ``translation_key``
with the Vietnamese page it was made from. Learner records (enrolments, progress,
events, certificates, reports) always point at the Vietnamese source, so time and
completion on any language version count once for the same lesson.
"""

import json
from collections.abc import Iterable

from django.core.serializers.json import DjangoJSONEncoder
from wagtail.models import Locale, Page

from cms.content_languages import DEFAULT_CODE
from cms.page_cache import request_version
from cms.process_memo import ProcessMemo


def default_locale() -> Locale:
    return Locale.objects.get(language_code=DEFAULT_CODE)


# Locale id → language code, read once per process (a handful of rows that do not
# change): a page's language is then known without a query on every view.
_LANGUAGE_OF_LOCALE: dict[int, str] = {}


def language_of(page: Page) -> str:
    if page.locale_id not in _LANGUAGE_OF_LOCALE:
        _LANGUAGE_OF_LOCALE.update(Locale.objects.values_list("id", "language_code"))
    return _LANGUAGE_OF_LOCALE.get(page.locale_id, DEFAULT_CODE)


def source_page_ids(page_ids: Iterable[int]) -> dict[int, int]:
    """Each page id mapped to its Vietnamese source's id (itself when Vietnamese or
    when it has no Vietnamese source); one query."""
    page_ids = set(page_ids)
    if not page_ids:
        return {}
    rows = Page.objects.filter(pk__in=page_ids).values_list(
        "pk", "translation_key", "locale__language_code"
    )
    keys = {pk: key for pk, key, code in rows if code != DEFAULT_CODE}
    sources = dict(
        Page.objects.filter(
            translation_key__in=keys.values(), locale__language_code=DEFAULT_CODE
        ).values_list("translation_key", "pk")
    )
    return {pk: sources.get(keys.get(pk), pk) for pk in page_ids}


def source_page_id(page_id: int) -> int:
    return source_page_ids([page_id])[page_id]


def source_page(page: Page) -> Page:
    """The Vietnamese page this one translates, as its specific class (or itself)."""
    if language_of(page) == DEFAULT_CODE:
        return page
    # Kept on the page object: a translated page's view asks several times
    # (language links, lesson list, body, progress), one object per request.
    source = page.__dict__.get("_source_page")
    if source is None:
        # A translation is of its source's own type: one query, not `.specific()`'s
        # two, when the page is already specific.
        specific = type(page) is not Page
        rows = (type(page) if specific else Page).objects.filter(
            translation_key=page.translation_key, locale__language_code=DEFAULT_CODE
        )
        source = (rows if specific else rows.specific()).first() or page
        page._source_page = source
    return source


def live_translation(page: Page, code: str) -> Page | None:
    """The live version of `page` in the language `code`, if there is one."""
    if language_of(page) == code:
        return page
    return (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=code)
        .exclude(alias_of__isnull=False)
        .first()
    )


_live_languages = ProcessMemo(maxsize=5000)


def live_language_codes(page: Page) -> set[str]:
    """The languages `page` can be read in: its own and its live translations'."""
    # Remembered per process until the next publish anywhere (the cache's token):
    # the language links on every course and lesson page ask it.
    live = _live_languages.get(
        request_version(),
        page.translation_key,
        lambda: frozenset(
            Page.objects.live()
            .filter(translation_key=page.translation_key, alias_of__isnull=True)
            .values_list("locale__language_code", flat=True)
        ),
    )
    return set(live) | {language_of(page)}


def localized(pages: list, locale_id: int, fields) -> list:
    """`pages` in their order, each replaced by its live translation in `locale_id`
    where there is one (aliases excluded: they hold no translated words)."""
    model = type(pages[0]) if pages else Page
    translations = {
        page.translation_key: page
        for page in model.objects.live()
        .filter(
            translation_key__in=[page.translation_key for page in pages],
            locale_id=locale_id,
            alias_of__isnull=True,
        )
        .only(*fields)
    }
    return [translations.get(page.translation_key, page) for page in pages]


# Blocks whose words are the content; an emptied one falls back as an untouched one.
TEXT_BLOCK_TYPES = frozenset({"heading", "paragraph", "quote", "callout"})
# How far back a block's Vietnamese wordings are looked for (revisions, newest first).
SOURCE_REVISIONS_READ = 50


def _canonical(value) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, sort_keys=True)


def _emptied(child) -> bool:
    if child.block_type not in TEXT_BLOCK_TYPES:
        return False
    return not "".join(child.block.get_searchable_content(child.value)).strip()


_wordings = ProcessMemo(maxsize=500)


def source_wordings(source, field_name: str = "body") -> dict[str, set[str]]:
    """Every wording each block of the Vietnamese page has had, by block id: the
    current one and those kept in its recent revisions.

    Remembered per process under the page cache's version token: a wording a
    published translation holds was the source's before that publish, which
    changed the token, so the remembered set always has it.
    """
    return _wordings.get(
        request_version(),
        (source.pk, field_name),
        lambda: _read_wordings(source, field_name),
    )


def _read_wordings(source, field_name: str) -> dict[str, set[str]]:
    wordings: dict[str, set[str]] = {}
    for child in getattr(source, field_name) or []:
        prep = child.block.get_prep_value(child.value)
        wordings.setdefault(child.id, set()).add(_canonical(prep))
    contents = source.revisions.order_by("-created_at").values_list(
        "content", flat=True
    )[:SOURCE_REVISIONS_READ]
    for content in contents:
        stream = content.get(field_name) or "[]"
        for block in json.loads(stream) if isinstance(stream, str) else stream:
            if isinstance(block, dict) and block.get("id"):
                wordings.setdefault(block["id"], set()).add(
                    _canonical(block.get("value"))
                )
    return wordings


def with_fallback(body, source_body, wordings) -> list[tuple[object, bool]]:
    """The blocks of a translated body, each with whether it is the Vietnamese one.

    A block the translator left as copied (it still holds a wording the Vietnamese
    block had, `wordings` from ``source_wordings``) or emptied is untranslated: the
    Vietnamese block is shown in its place, as it is now.
    """
    source = {child.id: child for child in source_body or []}
    blocks = []
    for child in body or []:
        original = source.get(child.id)
        untouched = _canonical(child.block.get_prep_value(child.value)) in wordings.get(
            child.id, set()
        )
        if original is not None and (untouched or _emptied(child)):
            blocks.append((original, True))
        else:
            blocks.append((child, False))
    return blocks


def vietnamese_only(queryset):
    """Pages of the Vietnamese tree: each course or centre once, not once a language."""
    return queryset.filter(locale__language_code=DEFAULT_CODE)

"""The languages lesson content comes in, named as their speakers write them.

The interface stays Vietnamese; these are the languages of lesson pages, dubbed audio
tracks and subtitles. Codes are ISO 639 (two letters where one exists), as HLS
``LANGUAGE`` attributes, ``<track srclang>`` and Wagtail locales expect.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentLanguage:
    code: str
    autonym: str  # the name in the language itself, shown to its speakers
    vietnamese_name: str  # the name staff see in the admin


DEFAULT_CODE = "vi"

CONTENT_LANGUAGES = (
    ContentLanguage("vi", "Tiếng Việt", "Tiếng Việt"),
    ContentLanguage("hmn", "Lus Hmoob", "Tiếng Hmông"),
    ContentLanguage("ium", "Iu Mienh", "Tiếng Dao"),
    ContentLanguage("tyz", "Tày", "Tiếng Tày"),
    ContentLanguage("blt", "Tai Dam", "Tiếng Thái"),
    ContentLanguage("km", "ភាសាខ្មែរ", "Tiếng Khmer"),
)

_BY_CODE = {language.code: language for language in CONTENT_LANGUAGES}

# The resident's choice, kept in a cookie so it works before and without signing in.
PREFERENCE_COOKIE = "ngon_ngu"


def content_language(code: str) -> ContentLanguage | None:
    return _BY_CODE.get((code or "").strip().lower())


def autonym(code: str) -> str:
    """The language's own name, or the code itself for a language not in the table."""
    language = content_language(code)
    return language.autonym if language else code


def choices_for_staff() -> list[tuple[str, str]]:
    """(code, "Tiếng Hmông (Lus Hmoob)") pairs for admin forms."""
    return [
        (language.code, language.vietnamese_name)
        if language.autonym == language.vietnamese_name
        else (language.code, f"{language.vietnamese_name} ({language.autonym})")
        for language in CONTENT_LANGUAGES
    ]


# A year: a choice of language is not made again every visit.
PREFERENCE_COOKIE_SECONDS = 365 * 24 * 3600


def preferred_language(request) -> str:
    """The content language a visitor chose, Vietnamese when none or an unknown one.

    A signed-in person's choice is kept with them (the user's ``content_language``),
    so it follows them to another phone; otherwise the cookie holds it.
    """
    user = getattr(request, "user", None)
    stored = getattr(user, "content_language", "") if user is not None else ""
    if stored and user.is_authenticated:
        language = content_language(stored)
    else:
        language = content_language(request.COOKIES.get(PREFERENCE_COOKIE, ""))
    return language.code if language else DEFAULT_CODE


def remember_preference(request, response, code: str, *, with_person=True) -> None:
    """Keep the choice in the cookie, and with the person when signed in (unless
    ``with_person`` is false: a choice any site could have made by a link)."""
    response.set_cookie(
        PREFERENCE_COOKIE,
        code,
        max_age=PREFERENCE_COOKIE_SECONDS,
        samesite="Lax",
        secure=request.is_secure(),
    )
    if with_person:
        store_with_person(getattr(request, "user", None), code)


def store_with_person(user, code: str) -> None:
    if (
        user is None
        or not user.is_authenticated
        or not hasattr(user, "content_language")
    ):
        return
    if user.content_language != code:
        user.content_language = code
        user.save(update_fields=["content_language"])


def remember_at_sign_in(sender, request, user, **kwargs) -> None:
    """A choice made before signing in is kept with the person (user_logged_in)."""
    if request is None:
        return
    language = content_language(request.COOKIES.get(PREFERENCE_COOKIE, ""))
    if language is not None:
        store_with_person(user, language.code)

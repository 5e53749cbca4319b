"""Page addresses per content language: ``/hmn/…`` for Hmông, no prefix for Vietnamese.

Wagtail builds a translated page's URL by reversing ``wagtail_serve`` with the page's
language active, and routes a request with the active language's locale. Django's
``i18n_patterns`` would do that too, but would also prefix English, an *interface*
language with no pages of its own. This prefix exists only for content languages.
"""

from django.conf import settings
from django.urls import URLResolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

from cms.content_languages import CONTENT_LANGUAGES, DEFAULT_CODE

PREFIXED_CODES = frozenset(
    language.code for language in CONTENT_LANGUAGES if language.code != DEFAULT_CODE
)


class ContentLanguagePrefixPattern(LocalePrefixPattern):
    def __init__(self):
        super().__init__(prefix_default_language=False)

    @property
    def language_prefix(self) -> str:
        code = translation.get_language() or settings.LANGUAGE_CODE
        return f"{code}/" if code in PREFIXED_CODES else ""


def content_language_patterns(urls) -> list[URLResolver]:
    return [URLResolver(ContentLanguagePrefixPattern(), list(urls))]


def check_content_catalogues(app_configs=None, **kwargs) -> list:
    """Django accepts a language prefix only when a compiled catalogue exists for it
    (the empty locale/<code>/ ones): without `make messages`, /hmn/ pages are 404s."""
    from django.core import checks
    from django.utils.translation import trans_real

    return [
        checks.Warning(
            f"No compiled catalogue for the content language {code!r}: its pages "
            "answer 404.",
            hint="Run `make messages` (manage.py compilemessages).",
            id="cms.W010",
        )
        for code in sorted(PREFIXED_CODES)
        if not trans_real.check_for_language(code)
    ]

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

"""The resident's choice of the language a lesson or course page is read in.

Links, no script: each language links to ``/ngon-ngu/<code>/?trang=<page id>``,
which remembers the choice and goes to that language's version of the page, or to
the Vietnamese page, which then says in Vietnamese that no such version exists yet.
A Vietnamese page visited with another language chosen sends the visitor on to its
translation when one is live.
"""

from dataclasses import dataclass

from django.http import HttpResponseRedirect
from django.urls import reverse

from cms.content_languages import (
    CONTENT_LANGUAGES,
    DEFAULT_CODE,
    autonym,
    preferred_language,
)
from cms.page_cache import request_version
from cms.process_memo import ProcessMemo
from cms.translations import (
    language_of,
    live_language_codes,
    live_translation,
    source_page,
)


@dataclass(frozen=True)
class LanguageLink:
    code: str
    autonym: str
    url: str
    current: bool
    available: bool


_links = ProcessMemo(maxsize=5000)


def chooser_links(page) -> tuple[LanguageLink, ...]:
    """The chooser's links for ``page``, remembered per process until a page is
    published, unpublished, moved or deleted (cms.process_memo)."""
    if page.pk is None:  # a preview of a page not saved yet
        return _links_of(page)
    return _links.get(request_version(), page.pk, lambda: _links_of(page))


def _links_of(page) -> tuple[LanguageLink, ...]:
    source = source_page(page)
    available = live_language_codes(source)
    here = language_of(page)
    return tuple(
        LanguageLink(
            code=language.code,
            autonym=language.autonym,
            url=f"{reverse('choose-language', args=[language.code])}?trang={page.pk}",
            current=language.code == here,
            available=language.code in available,
        )
        for language in CONTENT_LANGUAGES
    )


def missing_language(request, page) -> str | None:
    """The autonym of the chosen language when this page has no version in it."""
    chosen = preferred_language(request)
    if chosen == language_of(page):
        return None
    if chosen in live_language_codes(source_page(page)):
        return None
    return autonym(chosen)


def redirect_to_preferred(request, page) -> HttpResponseRedirect | None:
    """From a Vietnamese page to its live version in the chosen language, if any.

    Only Vietnamese addresses send people on: a link to a Hmông page is followed as
    given, and choosing Vietnamese in the chooser goes to the Vietnamese address.
    """
    if request.method not in ("GET", "HEAD"):
        return None
    chosen = preferred_language(request)
    if chosen == DEFAULT_CODE or language_of(page) != DEFAULT_CODE:
        return None
    translation = live_translation(page, chosen)
    if translation is None:
        return None
    return HttpResponseRedirect(translation.get_url(request))

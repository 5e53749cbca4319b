"""Whether a requester may view a page: the one rule, for every way in.

A page is viewable when every view restriction that applies to it accepts the
request (cms.view_restrictions, which every page model's ``get_view_restrictions``
uses: its own, its ancestors', an alias's source's, a translation's Vietnamese
source tree's), exactly as Wagtail decides when it serves the page on the web (a
password, signing in, a group). The content API, document listing and download,
and enrolment (API and form) ask the same question here, so none of them is a way
round a private page.
"""

from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from wagtail.models import Page, PageViewRestriction

from cms.content_languages import DEFAULT_CODE
from cms.view_restrictions import any_restriction, view_restrictions_of


def may_view(page: Page, request) -> bool:
    """Whether ``request`` (its user, its session's passwords) may view ``page``."""
    return all(
        restriction.accept_request(request)
        for restriction in view_restrictions_of(page)
    )


def _closed_sections(request=None) -> list[str]:
    """Paths of the pages whose subtrees ``request`` may not view (with no request:
    that nobody may view without passing a restriction): each refused restriction's
    page, its aliases and, for a Vietnamese page, its translations."""
    refused = [
        restriction
        # An alias's own restrictions are not its: Wagtail takes its source's.
        for restriction in PageViewRestriction.objects.filter(
            page__alias_of__isnull=True
        )
        .select_related("page__locale")
        .prefetch_related("groups")
        if request is None or not restriction.accept_request(request)
    ]
    if not refused:
        return []
    pages = {restriction.page_id for restriction in refused}
    vietnamese = [
        restriction.page.path
        for restriction in refused
        if restriction.page.locale.language_code == DEFAULT_CODE
    ]
    refused_paths = [restriction.page.path for restriction in refused]
    under_refused = Page.objects.filter(
        reduce(or_, (Q(path__startswith=path) for path in refused_paths))
    )
    # Aliases of any page under a refused one, wherever they were placed.
    closed = Q(pk__in=pages) | Q(alias_of__in=under_refused)
    if vietnamese:
        # Every translation of a Vietnamese page under a refused one, wherever
        # the translation stands in its own tree.
        below = Page.objects.filter(
            reduce(or_, (Q(path__startswith=path) for path in vietnamese)),
            locale__language_code=DEFAULT_CODE,
        )
        closed |= Q(translation_key__in=below.values("translation_key"))
    return list(Page.objects.filter(closed).values_list("path", flat=True))


def _without(queryset: QuerySet, sections: list[str]) -> QuerySet:
    if not sections:
        return queryset
    return queryset.exclude(reduce(or_, (Q(path__startswith=p) for p in sections)))


def viewable(queryset: QuerySet, request) -> QuerySet:
    """``queryset`` (of pages) without those ``request`` may not view: the same
    answer as ``may_view`` for each page, in one query for the whole list."""
    if not any_restriction():
        return queryset
    return _without(queryset, _closed_sections(request))


def public(queryset: QuerySet) -> QuerySet:
    """``queryset`` without the pages any restriction applies to: what may be shown
    to everyone alike (search results, shared caches). Wagtail's ``public()`` misses
    aliases' sources and translations' Vietnamese source trees."""
    if not any_restriction():
        return queryset
    return _without(queryset, _closed_sections())

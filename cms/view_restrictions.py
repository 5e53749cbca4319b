"""Which view restrictions (private pages) apply to a page, asked cheaply.

Wagtail asks on every page served, in two queries (the ancestors, then their
restrictions), and the page cache asks again. Most sites restrict nothing: whether
any restriction exists is remembered in this process under the site-wide version
token (cms.process_memo), which every change of a restriction changes
(cms.page_cache). When some exist, one query finds those of the page and its
ancestors; an alias has its source page's, as in Wagtail, and also those of
its source's ancestors, so an alias placed in a public section is no way round a
private course.

A translation is as private as its Vietnamese source tree: staff restrict the
Vietnamese course or lesson, and its Hmông or Tày version (translated later, or
with its own translated parents rather than aliases) must not be a way round it.
So the restrictions of the Vietnamese counterparts (same ``translation_key``) of
the page and its ancestors apply too. Who passes them is decided in one place,
cms.page_access, for web pages, the content API, documents and enrolment.
"""

from django.db.models import Exists, OuterRef, Q
from wagtail.models import Page, PageViewRestriction

from cms.content_languages import DEFAULT_CODE
from cms.page_cache import request_version
from cms.process_memo import ProcessMemo

_any = ProcessMemo(maxsize=1)


def any_restriction() -> bool:
    return _any.get(request_version(), "any", PageViewRestriction.objects.exists)


def view_restrictions_of(page: Page):
    """The restrictions that apply to ``page`` (of any page class, specific or not)."""
    if not any_restriction():
        none = PageViewRestriction.objects.none()
        # Known to be empty: iterating it or asking `exists()` (Wagtail's serve,
        # the page cache) then compiles no SQL.
        none._result_cache = []
        return none
    # The page and its ancestors are the paths that prefix its own.
    step = page.steplen
    paths = [page.path[:end] for end in range(step, len(page.path) + 1, step)]
    keys = Page.objects.filter(path__in=paths).values("translation_key")
    # The Vietnamese counterpart of the page lying under the restricted page: a
    # translation moved out from under its translated course stays private.
    counterpart_below = Page.objects.filter(
        translation_key=page.translation_key,
        locale__language_code=DEFAULT_CODE,
        path__startswith=OuterRef("page__path"),
    )
    vietnamese = Q(
        page__locale__language_code=DEFAULT_CODE,
        page__alias_of__isnull=True,  # an alias's own (copied) ones never count
    )
    # The source of an alias on the path lying under the restricted page: an
    # alias placed in a public section stays as private as its source.
    source_below = Page.objects.filter(
        aliases__path__in=paths, path__startswith=OuterRef("page__path")
    )
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths, page__alias_of__isnull=True)
        | (Q(Exists(source_below)) & Q(page__alias_of__isnull=True))
        | (Q(page__translation_key__in=keys) & vietnamese)
        | (Q(Exists(counterpart_below)) & vietnamese)
    ).distinct()


class ViewRestrictionsMixin:
    """For page models: Wagtail's `get_view_restrictions` in no or one query."""

    def get_view_restrictions(self):
        return view_restrictions_of(self)

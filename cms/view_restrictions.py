"""Which view restrictions (private pages) apply to a page, asked cheaply.

Wagtail asks on every page served, in two queries (the ancestors, then their
restrictions), and the page cache asks again. Most sites restrict nothing: whether
any restriction exists is remembered in this process under the site-wide version
token (cms.process_memo), which every change of a restriction changes
(cms.page_cache). When some exist, one query finds those of the page and its
ancestors, an alias's restrictions being its source page's, as in Wagtail.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from cms.page_cache import request_version
from cms.process_memo import ProcessMemo

_any = ProcessMemo(maxsize=1)


def any_restriction() -> bool:
    return _any.get(request_version(), "any", PageViewRestriction.objects.exists)


class ViewRestrictionsMixin:
    """For page models: Wagtail's `get_view_restrictions` in no or one query."""

    def get_view_restrictions(self):
        if not any_restriction():
            none = PageViewRestriction.objects.none()
            # Known to be empty: iterating it or asking `exists()` (Wagtail's
            # serve, the page cache) then compiles no SQL.
            none._result_cache = []
            return none
        # The page and its ancestors are the paths that prefix its own.
        step = self.steplen
        paths = [self.path[:end] for end in range(step, len(self.path) + 1, step)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True)
            | Q(page__aliases__path__in=paths)
        ).distinct()

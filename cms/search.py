"""Site search over courses, lessons, open resources and news.

Pages index a folded copy of their text (`FoldedSearchMixin.search_text`) and the
query is folded here with the same `cms.text.fold`, so accents, case and punctuation
never matter, whichever Wagtail search backend (SQLite or PostgreSQL) answers.
"""

import functools
import operator
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.models import CoursePage, LessonPage, NewsPage, OpenResourcePage
from cms.page_access import public
from cms.text import fold

CONTENT_TYPES = {
    "course": (CoursePage, _("Courses")),
    "lesson": (LessonPage, _("Lessons")),
    "resource": (OpenResourcePage, _("Open resources")),
    "news": (NewsPage, _("News")),
}
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class SearchFilters:
    subject: str = ""  # Subject.slug
    target_group: str = ""  # TargetGroup.slug
    content_type: str = ""  # a key of CONTENT_TYPES
    licence: str = ""  # Licence.code

    @classmethod
    def from_query(cls, params) -> "SearchFilters":
        content_type = params.get("type", "")
        return cls(
            subject=params.get("subject", "")[:100],
            target_group=params.get("target_group", "")[:100],
            content_type=content_type if content_type in CONTENT_TYPES else "",
            licence=params.get("licence", "")[:30],
        )

    @property
    def active(self) -> bool:
        return any((self.subject, self.target_group, self.content_type, self.licence))


def search_pages(query: str, filters: SearchFilters = SearchFilters()):
    """Live matching pages, best first; an empty query finds nothing."""
    terms = fold(query[:MAX_QUERY_LENGTH])
    if not terms:
        return Page.objects.none()
    candidates = candidate_pages(filters)
    results = candidates.search(terms, operator="and", order_by_relevance=True)
    if " " in terms and not results.count():
        results = candidates.search(terms, operator="or", order_by_relevance=True)
    return results


def candidate_pages(filters: SearchFilters):
    """The pages a search may return once the filters apply."""
    models = (
        [CONTENT_TYPES[filters.content_type][0]]
        if filters.content_type
        else [model for model, _label in CONTENT_TYPES.values()]
    )
    # Every language's pages; aliases (parents made for a translation) repeat
    # another page's words, so they are left out.
    pages = public(Page.objects.live().type(*models))
    aliases = list(
        Page.objects.filter(alias_of__isnull=False).values_list("id", flat=True)
    )
    if aliases:
        pages = pages.exclude(id__in=aliases)
    if filters.subject:
        pages = pages.filter(
            id__in=_ids(
                courses=CoursePage.objects.filter(subject__slug=filters.subject),
                resources=OpenResourcePage.objects.filter(
                    subjects__slug=filters.subject
                ),
            )
        )
    if filters.target_group:
        pages = pages.filter(
            id__in=_ids(
                courses=CoursePage.objects.filter(
                    target_groups__slug=filters.target_group
                ),
                resources=OpenResourcePage.objects.none(),
            )
        )
    if filters.licence:
        pages = pages.filter(
            id__in=list(
                OpenResourcePage.objects.filter(
                    licence__code=filters.licence
                ).values_list("id", flat=True)
            )
        )
    return pages


def _ids(*, courses, resources) -> list[int]:
    """Matching courses, their lessons, and matching resources."""
    course_paths = list(courses.values_list("path", flat=True))
    ids = set(resources.values_list("id", flat=True))
    if course_paths:
        in_courses = functools.reduce(
            operator.or_, (Q(path__startswith=path) for path in course_paths)
        )
        ids.update(Page.objects.filter(in_courses).values_list("id", flat=True))
    return sorted(ids)

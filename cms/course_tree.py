"""Courses live under their centre: CentrePage → "Khoá học" → course → lessons.

Page rights are granted on a centre's page subtree (cms.place_rights), so a course
edited by a centre's staff must sit under that centre. The site's top-level course
index stays the catalogue of every course.
"""

from django.db import transaction

from cms.models import Centre, CentrePage, CourseIndexPage, CoursePage, HomePage
from cms.translations import vietnamese_only


def centre_page_of(centre: Centre) -> CentrePage | None:
    return vietnamese_only(CentrePage.objects.filter(centre=centre)).first()


def centre_course_index(centre_page: CentrePage) -> CourseIndexPage:
    """The centre's course index, found by type (titles may be edited); made once."""
    index = CourseIndexPage.objects.child_of(centre_page).order_by("path").first()
    if index is not None:
        return index
    index = centre_page.add_child(
        instance=CourseIndexPage(title="Khoá học", slug="khoa-hoc")
    )
    index.save_revision().publish()
    return index


def course_index_for(centre: Centre | None) -> CourseIndexPage:
    """Where a new course of this centre goes: under its centre page when it has one."""
    if centre is not None:
        page = centre_page_of(centre)
        if page is not None:
            return centre_course_index(page)
    return catalogue_index() or _new_catalogue()


def _new_catalogue() -> CourseIndexPage:
    from cms.site_setup import ensure_home_page

    return ensure_home_page().add_child(
        instance=CourseIndexPage(title="Khoá học", slug="khoa-hoc")
    )


def catalogue_index() -> CourseIndexPage | None:
    """The site-wide course index, a child of the home page."""
    home = vietnamese_only(HomePage.objects.order_by("path")).first()
    if home is None:
        return None
    return CourseIndexPage.objects.child_of(home).order_by("path").first()


@transaction.atomic
def move_courses_under_centres() -> int:
    """Move courses that sit outside their centre's page to it; returns how many.

    For databases from before courses lived under their centre. A course whose slug is
    already taken in the centre's index stays where it is.
    """
    moved = 0
    courses = vietnamese_only(CoursePage.objects.filter(centre__isnull=False))
    for course in courses.select_related("centre"):
        centre_page = centre_page_of(course.centre)
        if centre_page is None or course.is_descendant_of(centre_page):
            continue
        index = centre_course_index(centre_page)
        if CoursePage.objects.child_of(index).filter(slug=course.slug).exists():
            continue
        course.move(index, pos="last-child")
        moved += 1
    return moved

"""Page-tree rules: editors cannot put a lesson outside a course, and so on."""

import pytest
from django.urls import reverse

from cms.models import (
    CentrePage,
    CourseIndexPage,
    CoursePage,
    HomePage,
    InstitutionLibraryPage,
    LessonPage,
    NewsIndexPage,
    NewsPage,
    OpenResourcePage,
    ResourceLibraryPage,
)


@pytest.mark.parametrize(
    ("child", "allowed", "refused"),
    [
        (LessonPage, [CoursePage], [HomePage, CourseIndexPage, ResourceLibraryPage]),
        (CoursePage, [CourseIndexPage], [HomePage, CoursePage, CentrePage]),
        (
            OpenResourcePage,
            [ResourceLibraryPage, InstitutionLibraryPage],
            [HomePage, CoursePage],
        ),
        (InstitutionLibraryPage, [ResourceLibraryPage], [HomePage]),
        (NewsPage, [NewsIndexPage], [HomePage, CentrePage]),
        (CentrePage, [HomePage], [CourseIndexPage]),
    ],
)
def test_allowed_parents(child, allowed, refused):
    for parent in allowed:
        assert parent in child.allowed_parent_page_models()
    for parent in refused:
        assert parent not in child.allowed_parent_page_models()


def test_lessons_have_no_children():
    assert LessonPage.allowed_subpage_models() == []
    assert OpenResourcePage.allowed_subpage_models() == []


def test_the_admin_refuses_a_lesson_under_the_course_index(admin_client, course_index):
    url = reverse("wagtailadmin_pages:add", args=("cms", "lessonpage", course_index.pk))
    response = admin_client.get(url)
    assert response.status_code in (302, 403)
    assert not LessonPage.objects.child_of(course_index).exists()


def test_one_home_page(home_page):
    assert not HomePage.can_create_at(home_page.get_parent())

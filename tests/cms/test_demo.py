"""The demo content loads, is realistic enough, and a second run adds nothing."""

from django.contrib.auth import get_user_model
from django.test import RequestFactory
from wagtail.documents import get_document_model
from wagtail.models import Page, WorkflowState

import cms.demo
import cms.models
from accounts.roles import Role, has_role
from cms.course_tree import catalogue_index
from cms.demo import load_cms_demo
from cms.demo.translation import source_lesson
from cms.models import (
    CentrePage,
    ContributorProfile,
    CoursePage,
    Institution,
    LessonPage,
    Licence,
    NewsPage,
    OpenResourcePage,
    Subject,
)
from cms.translations import vietnamese_only


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Subject,
            Licence,
            Institution,
            ContributorProfile,
            get_user_model(),
            get_document_model(),
            WorkflowState,
        )
    }


def test_demo_content_loads_once_and_renders(
    client, db, settings, tmp_path, monkeypatch
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(cms.demo, "STAFF_PASSWORD_FILE", tmp_path / "password")
    load_cms_demo()
    first = counts()
    load_cms_demo()
    assert counts() == first

    # The Vietnamese tree (the Hmông lesson brings aliases of its parents).
    assert vietnamese_only(CentrePage.objects.live()).count() == 2
    courses = vietnamese_only(CoursePage.objects.live())
    assert courses.count() >= 3
    for course in courses:
        assert LessonPage.objects.live().child_of(course).count() >= 4
    assert {course.subject.slug for course in courses} >= {"nong-nghiep", "suc-khoe"}
    resources = OpenResourcePage.objects.live()
    assert resources.count() >= 6
    assert resources.values("institution").distinct().count() == 2
    translated = resources.exclude(original_language="vi").get()
    assert translated.original_language == "en" and translated.translators.count() == 2
    assert all(resource.files.exists() for resource in resources)
    assert NewsPage.objects.live().count() >= 3
    assert {s.name for s in Subject.objects.all()} >= {
        "Nông nghiệp",
        "Sức khoẻ",
        "Pháp luật",
        "Kỹ năng số",
        "Ngoại ngữ",
        "Văn hoá – xã hội",
    }
    assert Licence.objects.filter(code__in=["CC-BY-4.0", "CC0-1.0", "PD"]).count() == 3
    assert ContributorProfile.objects.count() == 2
    reviewer = get_user_model().objects.get(username="canbo.tavan")
    assert has_role(reviewer, Role.LIBRARY_EDITOR)
    assert not has_role(reviewer, Role.CENTRE_STAFF)
    for course in courses:  # under its own centre, where that centre's staff edit
        assert CentrePage.objects.ancestor_of(course).get().centre == course.centre
    staff_password = (tmp_path / "password").read_text().strip()
    # django-axes, first among the backends, needs the request to count failures.
    request = RequestFactory().post("/admin/login/")
    assert client.login(
        request=request, username="canbo.tavan", password=staff_password
    )
    client.logout()
    pending = OpenResourcePage.objects.filter(live=False).get()
    assert pending.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    for page in Page.objects.live().filter(depth__gte=2):
        assert client.get(page.url).status_code == 200, page.url


def test_demo_moves_courses_of_an_older_database_under_their_centre(
    client, db, settings, tmp_path, monkeypatch
):
    """Courses once sat under the top-level index; a new load moves them, once."""
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(cms.demo, "STAFF_PASSWORD_FILE", tmp_path / "password")
    load_cms_demo()
    catalogue = catalogue_index()
    # An older database: Vietnamese pages only (translations came later).
    for course in vietnamese_only(CoursePage.objects.all()):
        course.move(catalogue, pos="last-child")
    for page in vietnamese_only(CentrePage.objects.all()):  # edited by staff since
        page.title = f"{page.title} (đã sửa)"
        page.slug = f"{page.slug}-moi"
        page.save()
        index = page.get_children().type(cms.models.CourseIndexPage).get()
        index.title = "Lớp học"
        index.save()
    before = counts()

    load_cms_demo()

    assert counts() == before
    for course in vietnamese_only(CoursePage.objects.all()):
        assert CentrePage.objects.ancestor_of(course).get().centre == course.centre
    assert not CoursePage.objects.child_of(catalogue).exists()
    # The catalogue still lists every live course of the site.
    html = client.get(catalogue.url).content.decode()
    courses = vietnamese_only(CoursePage.objects.live())
    assert all(course.title in html for course in courses)


def test_demo_has_the_sri_lesson_in_hmong_with_an_untranslated_block(
    client, db, settings, tmp_path, monkeypatch
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(cms.demo, "STAFF_PASSWORD_FILE", tmp_path / "password")
    load_cms_demo()
    load_cms_demo()  # idempotent: still one Hmông version
    source = source_lesson()
    versions = LessonPage.objects.filter(translation_key=source.translation_key)
    assert versions.count() == 2
    hmong = versions.get(locale__language_code="hmn")
    assert hmong.live and hmong.url.startswith("/hmn/")
    assert "/ky-thuat-trong-lua-cai-tien-sri/sri-la-gi/" in hmong.url
    html = client.get(hmong.url).content.decode()
    assert "Plaub txoj cai tseem ceeb" in html
    assert "văn bản minh hoạ do máy tạo ra" in html  # says so, in Vietnamese
    assert html.count("data-untranslated") == 2  # the call-out and the quote
    assert "Kinh nghiệm của bà con nông dân" in html

"""Private pages (Wagtail view restrictions) stay private by every way in: the web,
the content API, documents, enrolment; a translation as private as its source.

One rule, cms.page_access. Runs on SQLite and on PostgreSQL (`.ci/with-postgres`).
"""

import json
from urllib.parse import unquote

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.files.base import ContentFile
from django.test import Client, RequestFactory
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, PageViewRestriction

from cms.models import CoursePage
from cms.page_access import may_view, public, viewable
from cms.search import search_pages
from lms.models import Enrolment

from .conftest import make_lesson
from .test_translated_lessons import translate

pytestmark = pytest.mark.django_db

SECRET = "Nội dung riêng của lớp"


def restrict(page, kind=PageViewRestriction.LOGIN, groups=()):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
    restriction.groups.set(groups)
    return restriction


def as_user(user=None):
    client = Client()
    if user:
        client.force_login(user)
    return client


@pytest.fixture
def private_lesson(course):
    lesson = make_lesson(course, "Bài riêng", body=[("paragraph", f"<p>{SECRET}</p>")])
    lesson.save_revision().publish()
    return lesson


@pytest.fixture
def hmong_private(private_lesson):
    """Its Hmông translation, under an alias of the course (Wagtail's copy_parents)."""
    return translate(private_lesson, blocks={0: f"<p>{SECRET} hmn</p>"})


def api_lessons(client, locale):
    response = client.get(
        "/api/v2/pages/", {"type": "cms.LessonPage", "locale": locale, "fields": "body"}
    )
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


def test_the_api_shows_a_translation_of_a_private_course_only_to_those_who_may_view_it(
    course, private_lesson, hmong_private, resident
):
    restrict(course)
    anonymous = as_user()
    # The web refuses both language versions to a visitor...
    assert anonymous.get(private_lesson.url).status_code == 302
    assert anonymous.get(hmong_private.url).status_code == 302
    # ...and so does the API: detail 404, left out of listings.
    for page in (private_lesson, hmong_private, course):
        assert anonymous.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert hmong_private.pk not in api_lessons(anonymous, "hmn")
    find = {"html_path": unquote(private_lesson.url)}
    assert anonymous.get("/api/v2/pages/find/", find).status_code == 404
    assert private_lesson.pk not in api_lessons(anonymous, "vi")
    response = anonymous.get("/api/v2/pages/", {"fields": "body"})
    assert SECRET not in response.content.decode()
    assert "private" in response["Cache-Control"]
    # A signed-in resident passes a sign-in restriction, on the web and in the API.
    signed_in = as_user(resident)
    assert signed_in.get(hmong_private.url).status_code == 200
    response = signed_in.get(f"/api/v2/pages/{hmong_private.pk}/")
    assert response.status_code == 200
    assert SECRET in response.content.decode()
    assert hmong_private.pk in api_lessons(signed_in, "hmn")
    assert signed_in.get("/api/v2/pages/find/", find).status_code == 302


def test_search_shows_no_translation_of_a_private_course(
    course, private_lesson, hmong_private
):
    assert hmong_private.pk in [page.pk for page in search_pages("hmn")]
    restrict(course)
    assert hmong_private.pk not in [page.pk for page in search_pages("hmn")]
    response = as_user().get("/search/", {"q": "hmn"})
    assert SECRET not in response.content.decode()


def test_a_group_restriction_keeps_out_a_resident_outside_the_group(
    course, private_lesson, hmong_private, resident, other_resident
):
    group = Group.objects.create(name="Lớp riêng thôn Lao Chải")
    restrict(course, PageViewRestriction.GROUPS, [group])
    other_resident.groups.add(group)
    outsider, member = as_user(resident), as_user(other_resident)
    assert outsider.get(f"/api/v2/pages/{hmong_private.pk}/").status_code == 404
    assert hmong_private.pk not in api_lessons(outsider, "hmn")
    assert member.get(f"/api/v2/pages/{hmong_private.pk}/").status_code == 200
    assert hmong_private.pk in api_lessons(member, "hmn")


def test_a_translation_with_its_own_translated_course_is_as_private_as_its_source(
    course, private_lesson, resident
):
    """Translated parents (not aliases) do not carry the Vietnamese restriction in
    Wagtail: the source tree's restrictions apply to the translation all the same."""
    locale, _ = Locale.objects.get_or_create(language_code="hmn")
    hmong_course = course.copy_for_translation(locale, copy_parents=True)
    hmong_course.save_revision().publish()
    hmong_course = CoursePage.objects.get(pk=hmong_course.pk)
    assert hmong_course.alias_of_id is None
    hmong = translate(private_lesson, blocks={0: f"<p>{SECRET} hmn</p>"})
    assert hmong.get_parent().pk == hmong_course.pk
    anonymous = as_user()
    assert anonymous.get(hmong.url).status_code == 200  # nothing restricted yet
    restrict(private_lesson)
    assert anonymous.get(hmong.url).status_code == 302
    assert anonymous.get(f"/api/v2/pages/{hmong.pk}/").status_code == 404
    assert anonymous.get(hmong_course.url).status_code == 200  # the course is not
    restrict(course)
    assert anonymous.get(hmong_course.url).status_code == 302
    assert anonymous.get(f"/api/v2/pages/{hmong_course.pk}/").status_code == 404
    assert as_user(resident).get(f"/api/v2/pages/{hmong.pk}/").status_code == 200


def test_one_rule_for_a_page_and_for_a_list(
    course, lessons, private_lesson, hmong_private, resident, other_resident
):
    """``viewable`` (lists, one query) answers as ``may_view`` (one page) does, for
    every page and requester."""
    group = Group.objects.create(name="Lớp riêng")
    other_resident.groups.add(group)
    restrict(course)
    restrict(lessons[1], PageViewRestriction.GROUPS, [group])
    # An alias elsewhere (Wagtail copies the restriction to it; its source's count).
    lessons[1].create_alias(parent=course.get_parent(), update_slug="ban-sao")
    factory = RequestFactory()
    for user in (None, resident, other_resident):
        request = factory.get("/")
        request.session = {}
        request.user = user or AnonymousUser()
        listed = set(viewable(Page.objects.all(), request).values_list("pk", flat=True))
        if user is None:  # what everyone alike may be shown is what a visitor may
            assert (
                set(public(Page.objects.all()).values_list("pk", flat=True)) == listed
            )
        for page in Page.objects.all():
            assert (page.pk in listed) == may_view(page, request), (user, page)
            assert may_view(page, request) == may_view(page.specific, request)
        assert may_view(hmong_private, request) == (user is not None)
        assert may_view(lessons[1], request) == (user == other_resident)


def test_enrolling_in_a_course_one_may_not_view_is_as_a_missing_course(
    course, lessons, resident, other_resident
):
    group = Group.objects.create(name="Lớp riêng")
    restrict(course, PageViewRestriction.GROUPS, [group])
    other_resident.groups.add(group)

    def enrol(client, pk):
        return client.post(
            "/api/lms/enrolments/",
            json.dumps({"course": pk}),
            content_type="application/json",
        )

    outsider = as_user(resident)
    refused, missing = enrol(outsider, course.pk), enrol(outsider, course.pk + 1000)
    assert refused.status_code == missing.status_code == 404
    assert refused.json() == missing.json()
    assert outsider.post(f"/hoc-tap/dang-ky/{course.pk}/").status_code == 404
    assert not Enrolment.objects.filter(learner=resident).exists()
    assert enrol(as_user(other_resident), course.pk).status_code == 201


@pytest.fixture
def private_document(course, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    Document = get_document_model()
    document = Document(title="Danh sách học viên")
    document.file.save("danh-sach.pdf", ContentFile(b"%PDF-1.4 rieng"), save=False)
    document.save()
    link = f'<p>{SECRET} <a linktype="document" id="{document.pk}">tải</a></p>'
    lesson = make_lesson(course, "Bài có tài liệu", body=[("paragraph", link)])
    lesson.save_revision().publish()
    return document, lesson


def listed_documents(client):
    response = client.get("/api/v2/documents/")
    assert response.status_code == 200
    return response, {item["id"] for item in response.json()["items"]}


def test_a_document_of_a_private_page_is_listed_and_served_only_to_who_may_view_it(
    course, private_document, resident
):
    document, lesson = private_document
    anonymous = as_user()
    assert document.pk in listed_documents(anonymous)[1]  # public while the page is
    response = anonymous.get(document.url)
    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")
    restrict(course)
    response, listed = listed_documents(anonymous)
    assert document.pk not in listed
    assert "private" in response["Cache-Control"]
    assert anonymous.get(document.url).status_code == 404
    # A signed-in resident may view the lesson, so the file: never for a shared cache.
    signed_in = as_user(resident)
    assert document.pk in listed_documents(signed_in)[1]
    response = signed_in.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 rieng"
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_a_document_also_on_a_public_page_stays_public(
    course, course_index, private_document
):
    document, _lesson = private_document
    open_course = CoursePage(title="Khoá mở", slug="khoa-mo", summary="Mở.")
    course_index.add_child(instance=open_course)
    link = f'<p><a linktype="document" id="{document.pk}">tải</a></p>'
    make_lesson(
        open_course, "Bài mở", body=[("paragraph", link)]
    ).save_revision().publish()
    restrict(course)
    anonymous = as_user()
    assert document.pk in listed_documents(anonymous)[1]
    response = anonymous.get(document.url)
    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")


def test_a_translation_moved_out_from_under_its_course_stays_private(
    course, private_lesson, hmong_private
):
    """Its Vietnamese counterpart still lies under the restricted course: the web,
    the API and the listings keep refusing it."""
    restrict(course)
    hmong_course = hmong_private.get_parent()
    hmong_home = hmong_private.get_ancestors().filter(depth=3).get()
    hmong_private.move(hmong_home, pos="last-child")
    hmong_private.refresh_from_db()
    assert not hmong_private.is_descendant_of(hmong_course)
    anonymous = as_user()
    response = anonymous.get(hmong_private.url)
    assert response.status_code == 302
    assert SECRET not in response.content.decode()
    assert anonymous.get(f"/api/v2/pages/{hmong_private.pk}/").status_code == 404
    assert hmong_private.pk not in api_lessons(anonymous, "hmn")
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    request.session = {}
    assert not may_view(hmong_private, request)
    lessons = Page.objects.filter(pk=hmong_private.pk)
    assert not viewable(lessons, request).exists()
    assert not public(lessons).exists()


def test_an_alias_of_a_private_lesson_placed_in_a_public_section_stays_private(
    course, course_index, private_lesson
):
    restrict(course)
    alias = private_lesson.create_alias(
        parent=course_index, update_slug="bai-alias-cong-khai"
    )
    anonymous = as_user()
    response = anonymous.get(alias.url)
    assert response.status_code == 302
    assert SECRET not in response.content.decode()
    assert anonymous.get(f"/api/v2/pages/{alias.pk}/").status_code == 404
    assert alias.pk not in api_lessons(anonymous, "vi")
    assert not public(Page.objects.filter(pk=alias.pk)).exists()

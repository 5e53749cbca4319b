"""Resident pages: sign-up, enrolling, My learning, privacy of records and data."""

import json
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from lms.models import Enrolment, LessonProgress, ProgressEvent
from lms.services.events import record_event
from tests.lms.learning import read_lesson


def sign_up_form(commune, **changes):
    return {
        "full_name": "Giàng A Páo",
        "login": "0977 111 222",
        "password": "mot-mat-khau-dai",
        "password_again": "mot-mat-khau-dai",
        "commune_query": "Tả Van",
        "commune_code": commune.code,
        "consent": "on",
        **changes,
    }


@pytest.mark.django_db
def test_sign_up_with_phone_and_commune(commune):
    client = Client()
    response = client.post("/dang-ky/", sign_up_form(commune))
    assert response.status_code == 302
    user = get_user_model().objects.get(phone="0977111222")
    assert user.commune == commune
    assert user.has_consented
    assert client.get("/hoc-tap-cua-toi/").status_code == 200


@pytest.mark.django_db
def test_sign_up_errors_keep_what_was_typed(commune):
    response = Client().post(
        "/dang-ky/",
        {
            "full_name": "Giàng A Páo",
            "login": "12345",
            "password": "mot-mat-khau-dai",
            "commune_query": "Tả Van",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Giàng A Páo" in html
    assert not get_user_model().objects.filter(full_name="Giàng A Páo").exists()


@pytest.mark.django_db
def test_sign_up_asks_the_password_twice(commune):
    """A mistyped second password is caught before the account exists."""
    response = Client().post(
        "/dang-ky/", sign_up_form(commune, password_again="mot-mat-khau-dia")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hai mật khẩu không giống nhau." in html
    assert "Giàng A Páo" in html and "0977 111 222" in html
    assert not get_user_model().objects.filter(phone="0977111222").exists()


@pytest.mark.django_db
def test_sign_in_with_phone(resident):
    client = Client()
    response = client.post(
        "/dang-nhap/", {"username": "0912 345 678", "password": "mat-khau-1"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/hoc-tap-cua-toi/"


@pytest.mark.django_db
def test_enrol_button_posts_once(resident, course):
    client = Client()
    client.force_login(resident)
    assert client.get(f"/hoc-tap/dang-ky/{course.pk}/").status_code == 405
    for _ in range(2):
        response = client.post(f"/hoc-tap/dang-ky/{course.pk}/")
        assert response.status_code == 302
    assert Enrolment.objects.filter(learner=resident).count() == 1


@pytest.mark.django_db
def test_enrol_requires_sign_in(course):
    response = Client().post(f"/hoc-tap/dang-ky/{course.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")


@pytest.mark.django_db
def test_unenrol_keeps_history_and_re_enrol_restores_progress(
    resident, enrolled, lessons
):
    client = Client()
    client.force_login(resident)
    read_lesson(resident, lessons[0])
    client.post(f"/hoc-tap/roi-khoa/{enrolled.course_id}/")
    enrolled.refresh_from_db()
    assert enrolled.unenrolled_at is not None
    client.post(f"/hoc-tap/dang-ky/{enrolled.course_id}/")
    active = Enrolment.objects.get(learner=resident, unenrolled_at__isnull=True)
    assert active.pk != enrolled.pk
    assert active.percent == 50
    assert Enrolment.objects.filter(learner=resident).count() == 2


@pytest.mark.django_db
def test_my_learning_page(resident, enrolled, lessons, django_assert_max_num_queries):
    client = Client()
    client.force_login(resident)
    read_lesson(resident, lessons[0])
    # Roles and the permission cache are read once per request, whatever is listed;
    # one more lists the person's recognised titles with their Open Badges, and with
    # Wagtail's i18n on the first page URL also reads the site root's translations.
    with django_assert_max_num_queries(17):
        response = client.get("/hoc-tap-cua-toi/")
    html = response.content.decode()
    assert enrolled.course.title in html
    assert 'value="50"' in html
    assert "block recognition_status" not in html


@pytest.mark.django_db
def test_my_learning_query_count_does_not_grow(
    resident, course_index, django_assert_num_queries
):
    from cms.models import CoursePage
    from lms.services.enrolments import enrol

    client = Client()
    client.force_login(resident)

    def add_course(i):
        course = CoursePage(title=f"Khoá {i}", slug=f"khoa-{i}", summary="x")
        course_index.add_child(instance=course)
        enrol(learner=resident, course=course)

    add_course(0)
    client.get("/hoc-tap-cua-toi/")  # warm the site root cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get("/hoc-tap-cua-toi/")
    for i in range(1, 6):
        add_course(i)
    with CaptureQueriesContext(connection) as six:
        response = client.get("/hoc-tap-cua-toi/")
    assert response.content.decode().count("<progress") == 6
    assert len(six) == len(one)


@pytest.mark.django_db
def test_export_contains_only_own_data(resident, other_resident, enrolled, lesson):
    record_event(
        learner=resident,
        data={
            "id": str(uuid.uuid4()),
            "type": "lesson.time",
            "lesson": lesson.pk,
            "at": timezone.now().isoformat(),
            "seconds": 60,
        },
    )
    client = Client()
    client.force_login(resident)
    response = client.get("/hoc-tap-cua-toi/du-lieu.json")
    data = json.loads(response.content)
    assert data["profile"]["phone"] == resident.phone
    assert data["enrolments"][0]["title"] == enrolled.course.title
    assert data["lessons"][0]["seconds_spent"] == 60
    assert len(data["events"]) == 1
    client.force_login(other_resident)
    other = json.loads(client.get("/hoc-tap-cua-toi/du-lieu.json").content)
    assert other["enrolments"] == [] and other["events"] == []


@pytest.mark.django_db
def test_deletion_anonymises_and_keeps_statistics(resident, enrolled, lesson):
    record_event(
        learner=resident,
        data={
            "id": str(uuid.uuid4()),
            "type": "lesson.time",
            "lesson": lesson.pk,
            "at": timezone.now().isoformat(),
            "seconds": 60,
        },
    )
    client = Client()
    client.force_login(resident)
    wrong = client.post("/hoc-tap-cua-toi/xoa-du-lieu/", {"password": "sai"})
    assert wrong.status_code == 400
    response = client.post("/hoc-tap-cua-toi/xoa-du-lieu/", {"password": "mat-khau-1"})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.phone == "" and "Hoa" not in resident.full_name
    assert not resident.is_active and not resident.has_usable_password()
    assert resident.commune_id is not None  # still counted in the commune
    assert LessonProgress.objects.get(learner=resident).seconds_spent == 60
    assert ProgressEvent.objects.get(learner=resident).payload == {}
    assert client.get("/hoc-tap-cua-toi/").status_code == 302


@pytest.mark.django_db
def test_sign_up_without_script_offers_commune_choices(db):
    """A name shared by several communes is offered as a choice, nothing is lost."""
    data = {
        "full_name": "Hà Văn Tâm",
        "login": "tam@example.vn",
        "password": "mot-mat-khau-dai",
        "password_again": "mot-mat-khau-dai",
        "commune_query": "Tân",
        "consent": "on",
    }
    response = Client().post("/dang-ky/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="radio" name="commune_code"' in html
    assert "tam@example.vn" in html
    code = html.split('name="commune_code" value="')[1].split('"')[0]
    response = Client().post("/dang-ky/", {**data, "commune_code": code})
    assert response.status_code == 302
    assert get_user_model().objects.get(email="tam@example.vn").commune.code == code


@pytest.mark.django_db
def test_my_learning_explains_zero_hours_after_a_finished_course(resident, enrolled):
    """ "0,0 giờ" after a finished course comes with why, and every figure with where
    it comes from."""
    client = Client()
    client.force_login(resident)
    html = client.get("/hoc-tap-cua-toi/").content.decode()
    assert "Số giờ này lấy từ đâu" in html
    assert "data-hours-zero" not in html
    Enrolment.objects.filter(pk=enrolled.pk).update(completed_at=timezone.now())
    html = client.get("/hoc-tap-cua-toi/").content.decode()
    assert "0,0 giờ" in html
    assert "Bạn đã học xong khoá học nhưng năm nay vẫn 0 giờ" in html

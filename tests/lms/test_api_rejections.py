"""The events API refuses every bad input in Vietnamese JSON, never with a 500.

A body that cannot be read as a batch is refused whole (4xx). A bad value inside one
event rejects that event alone (its result says why) and the others still count.
"""

import uuid

import pytest
from django.test import Client
from django.utils import timezone

from lms.api import MAX_EVENTS_BODY_BYTES
from lms.models import LessonProgress, ProgressEvent

URL = "/api/lms/events/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def api(resident):
    client = Client(raise_request_exception=False)
    client.force_login(resident)
    return client


def post(client, body, content_type="application/json"):
    return client.post(URL, body, content_type=content_type)


def time_event(lesson, extra=None):
    return {
        "id": str(uuid.uuid4()),
        "type": "lesson.time",
        "lesson": lesson.pk,
        "at": timezone.now().isoformat(),
        "seconds": 30,
        **(extra or {}),
    }


def assert_refused(response, status, words):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert words in response.json()["detail"]


@pytest.mark.parametrize(
    "body",
    ["{", '{"events": [', "không phải JSON", '{"events": [NaN]}', "[" * 50000],
)
def test_malformed_json_is_a_400(api, body):
    assert_refused(post(api, body), 400, "không phải JSON hợp lệ")


@pytest.mark.parametrize(
    "body", ["[]", '"chuỗi"', "42", "null", '{"events": {"a": 1}}', '{"events": "x"}']
)
def test_a_body_that_is_not_a_batch_is_a_400(api, body):
    assert_refused(post(api, body), 400, "dưới dạng danh sách")


def test_too_many_events_is_a_400(api, lesson):
    events = [{"id": str(uuid.uuid4())} for _ in range(501)]
    assert_refused(post(api, {"events": events}), 400, "tối đa 500")


def test_an_oversized_body_is_a_413(api, enrolled, lesson):
    padding = "x" * MAX_EVENTS_BODY_BYTES
    response = post(api, {"events": [time_event(lesson, {"note": padding})]})
    assert_refused(response, 413, "quá lớn")
    assert not ProgressEvent.objects.exists()


def test_a_form_body_is_a_415(api):
    response = api.post(URL, {"events": "1"})
    assert_refused(response, 415, "dưới dạng JSON")


def test_another_content_type_is_a_415(api):
    response = post(api, "events", content_type="text/plain")
    assert_refused(response, 415, "dưới dạng JSON")


HUGE = 2**64 + 1


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("lesson", HUGE, "“lesson” phải là một số nguyên"),
        ("lesson", -3, "“lesson” phải là một số nguyên"),
        ("lesson", 0, "“lesson” phải là một số nguyên"),
        ("lesson", "bài một", "“lesson” phải là một số nguyên"),
        ("lesson", True, "“lesson” phải là một số nguyên"),
        ("lesson", 1.5, "“lesson” phải là một số nguyên"),
        ("seconds", "30", "“seconds” phải là một số"),
        ("seconds", 10**400, "“seconds” phải là một số"),
        ("seconds", [1], "“seconds” phải là một số"),
        ("at", "hôm qua", "Thời điểm"),
        ("at", "9999-12-31T23:59:59-14:00", "Thời điểm"),
        # Out of the range UTC can hold once moved there: refused, never a 500.
        ("at", "0001-01-01T00:00:00", "không phải ngày giờ hợp lệ"),
        ("at", "0001-01-01T00:00:00+05:00", "không phải ngày giờ hợp lệ"),
        ("at", "0001-01-01", "không phải ngày giờ hợp lệ"),
        ("at", "9999-12-31T23:59:59", "Thời điểm"),
        ("type", "lesson.hack", "Loại sự kiện"),
        ("id", HUGE, "không có mã hợp lệ"),
        ("id", -1, "không có mã hợp lệ"),
        ("id", "abc", "không có mã hợp lệ"),
        ("id", None, "không có mã hợp lệ"),
    ],
)
def test_a_bad_value_rejects_its_event_only(
    api, resident, enrolled, lesson, field, value, reason
):
    good, bad = time_event(lesson), time_event(lesson, {field: value})
    response = post(api, {"events": [bad, good]})
    assert response.status_code == 200
    first, second = response.json()["results"]
    assert first["status"] == "rejected"
    assert reason in first["reason"]
    assert second == {"id": good["id"], "status": "accepted"}
    assert (
        LessonProgress.objects.get(learner=resident, lesson=lesson).seconds_spent == 30
    )


@pytest.mark.parametrize("field", ["media", "quiz"])
@pytest.mark.parametrize("value", [HUGE, -1, "x"])
def test_huge_media_and_quiz_ids_are_rejected(api, enrolled, lesson, field, value):
    kind = "media.watched" if field == "media" else "quiz.answered"
    data = time_event(lesson, {"type": kind, field: value, "from": 0, "to": 5})
    response = post(api, {"events": [data]})
    assert response.status_code == 200
    assert response.json()["results"][0]["status"] == "rejected"


def test_a_huge_course_id_is_a_400_when_enrolling(api):
    response = api.post(
        "/api/lms/enrolments/", {"course": HUGE}, content_type="application/json"
    )
    assert_refused(response, 400, "mã số trang")


def test_the_same_event_id_from_another_learner_is_its_own_event(
    api, resident, other_resident, course, enrolled, lesson
):
    from lms.services.enrolments import enrol

    theirs_enrolment = enrol(learner=other_resident, course=course).enrolment
    type(theirs_enrolment).objects.filter(pk=theirs_enrolment.pk).update(
        enrolled_at=enrolled.enrolled_at
    )
    mine = time_event(lesson)
    assert post(api, {"events": [mine]}).json()["results"][0]["status"] == "accepted"

    other = Client()
    other.force_login(other_resident)
    theirs = {**mine, "seconds": 45}
    answer = post(other, {"events": [theirs]}).json()["results"][0]
    # Neither a collision nor a hint that the id exists elsewhere.
    assert answer == {"id": mine["id"], "status": "accepted"}
    assert post(other, {"events": [theirs]}).json()["results"][0]["status"] == (
        "duplicate"
    )
    seconds = dict(
        LessonProgress.objects.filter(lesson=lesson).values_list(
            "learner", "seconds_spent"
        )
    )
    assert seconds == {resident.pk: 30, other_resident.pk: 45}
    assert ProgressEvent.objects.filter(client_event_id=mine["id"]).count() == 2


def test_a_rejected_event_does_not_reveal_another_learners_event(
    api, resident, other_resident, course, enrolled, lesson
):
    """Another learner sending my event id is told nothing about my event."""
    mine = time_event(lesson)
    post(api, {"events": [mine]})
    other = Client()
    other.force_login(other_resident)  # not enrolled: every event is refused
    answer = post(other, {"events": [mine]}).json()["results"][0]
    assert answer["status"] == "rejected"


@pytest.mark.parametrize(
    ("headers", "words"),
    [
        ({}, "Bạn cần đăng nhập"),
        ({"authorization": "Token abc"}, "Mã truy cập (token) không hợp lệ"),
        ({"authorization": "Token"}, "thiếu mã truy cập"),
        ({"authorization": "Token a b"}, "không được chứa dấu cách"),
    ],
)
def test_authentication_refusals_are_in_vietnamese(headers, words):
    """DRF's own texts, left English by its catalogue, come from ours."""
    response = Client().get("/api/lms/me/", headers=headers)
    assert response.status_code == 403  # the session comes first: no challenge
    assert response["Content-Type"] == "application/json"
    assert words in response.json()["detail"]


def test_a_session_post_without_csrf_is_refused_in_vietnamese(resident, lesson):
    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)
    response = post(client, {"events": [time_event(lesson)]})
    assert response.status_code == 403
    assert "kiểm tra bảo mật (mã bảo vệ CSRF)" in response.json()["detail"]

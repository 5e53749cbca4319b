"""The learner API: enrolments, event batches, my learning; session and token auth."""

import uuid
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token

from lms.models import Attendance, ClassSession, Enrolment, ProgressEvent


@pytest.fixture
def api(resident):
    client = Client()
    client.force_login(resident)
    return client


def post_json(client, url, data, **extra):
    return client.post(url, data, content_type="application/json", **extra)


@pytest.mark.django_db
def test_enrol_201_then_200(api, resident, course):
    first = post_json(api, "/api/lms/enrolments/", {"course": course.pk})
    assert first.status_code == 201
    assert first.json()["course"] == course.pk
    again = post_json(api, "/api/lms/enrolments/", {"course": course.pk})
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert Enrolment.objects.filter(learner=resident).count() == 1


@pytest.mark.django_db
def test_enrol_bad_course(api):
    assert post_json(api, "/api/lms/enrolments/", {"course": "x"}).status_code == 400
    assert post_json(api, "/api/lms/enrolments/", {"course": 99999}).status_code == 404


@pytest.mark.django_db
def test_anonymous_is_refused(course):
    response = post_json(Client(), "/api/lms/enrolments/", {"course": course.pk})
    assert response.status_code in (401, 403)


@pytest.mark.django_db
def test_session_auth_needs_csrf(resident, course):
    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)
    response = post_json(client, "/api/lms/enrolments/", {"course": course.pk})
    assert response.status_code == 403
    client.get("/hoc-tap-cua-toi/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = post_json(
        client, "/api/lms/enrolments/", {"course": course.pk}, HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 201


@pytest.mark.django_db
def test_token_auth_for_apps(resident, course):
    token = Token.objects.create(user=resident)
    client = Client(enforce_csrf_checks=True)
    response = post_json(
        client,
        "/api/lms/enrolments/",
        {"course": course.pk},
        HTTP_AUTHORIZATION=f"Token {token.key}",
    )
    assert response.status_code == 201


@pytest.mark.django_db
def test_events_batch_reports_each_event(api, resident, enrolled, lesson):
    now = timezone.now().isoformat()
    good = {
        "id": str(uuid.uuid4()),
        "type": "lesson.time",
        "lesson": lesson.pk,
        "at": now,
        "seconds": 30,
    }
    bad = {
        "id": str(uuid.uuid4()),
        "type": "lesson.time",
        "lesson": lesson.pk,
        "at": now,
        "seconds": -3,
    }
    response = post_json(api, "/api/lms/events/", {"events": [good, bad, good]})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["accepted", "rejected", "duplicate"]
    assert [r["id"] for r in results] == [good["id"], bad["id"], good["id"]]
    assert results[1]["reason"]
    assert "reason" not in results[0]
    assert ProgressEvent.objects.filter(learner=resident).count() == 1


@pytest.mark.django_db
def test_events_body_must_be_a_list(api):
    assert post_json(api, "/api/lms/events/", {"events": "x"}).status_code == 400
    assert post_json(api, "/api/lms/events/", [1, 2]).status_code == 400


@pytest.mark.django_db
def test_me_counts_online_and_in_person_hours(api, resident, enrolled, lesson, centre):
    post_json(
        api,
        "/api/lms/events/",
        {
            "events": [
                {
                    "id": str(uuid.uuid4()),
                    "type": "lesson.time",
                    "lesson": lesson.pk,
                    "at": timezone.now().isoformat(),
                    "seconds": 360,
                }
            ]
        },
    )
    session = ClassSession.objects.create(
        centre=centre, topic="Pháp luật", date=date.today(), hours=Decimal("2.0")
    )
    Attendance.objects.create(session=session, learner=resident, present=True)
    data = api.get("/api/lms/me/").json()
    assert data["hours_this_year"] == 2.1
    assert data["online_hours"] == 0.1
    assert data["in_person_hours"] == 2.0
    assert data["enrolments"] == [
        {
            "course": enrolled.course_id,
            "title": enrolled.course.title,
            "url": enrolled.course.url,
            "percent": 50,  # 6 minutes complete the 3-minute text lesson
            "completed_at": None,
        }
    ]
    assert data["certificates"] == []


@pytest.mark.django_db
def test_me_shows_only_own_records(resident, other_resident, enrolled):
    client = Client()
    client.force_login(other_resident)
    data = client.get("/api/lms/me/").json()
    assert data["enrolments"] == []
    assert data["name"] == other_resident.full_name

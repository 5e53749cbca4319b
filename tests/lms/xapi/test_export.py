"""The learner's data export holds the xAPI statements about them, and only theirs."""

import uuid

import pytest
from django.test import Client
from django.utils import timezone

from lms.services.events import record_event
from lms.services.privacy import export_data
from lms.xapi.models import Statement
from lms.xapi.sender import send_pending

pytestmark = pytest.mark.django_db


def test_export_lists_own_statements_with_their_status(
    lrs, resident, other_resident, enrolled, course, lesson
):
    from lms.services.enrolments import enrol

    enrol(learner=other_resident, course=course)
    send_pending()
    record_event(
        learner=resident,
        data={
            "id": str(uuid.uuid4()),
            "type": "lesson.time",
            "lesson": lesson.pk,
            "at": timezone.now().isoformat(),
            "seconds": 45,
        },
    )
    client = Client()
    client.force_login(resident)
    response = client.get("/hoc-tap-cua-toi/du-lieu.json")
    assert response.status_code == 200
    exported = response.json()["xapi_statements"]
    own = Statement.objects.filter(learner=resident).order_by("timestamp")
    assert [row["statement"]["id"] for row in exported] == [str(s.pk) for s in own]
    registered, experienced = exported
    assert registered["statement"]["verb"]["display"]["vi-VN"] == "đã ghi danh"
    assert registered["status"] == "sent" and registered["sent_at"]
    assert experienced["statement"]["result"] == {"duration": "PT45S"}
    assert experienced["status"] == "pending" and experienced["sent_at"] is None


def test_export_without_an_lrs_has_no_statements(settings, resident, enrolled):
    settings.XAPI_LRS_URL = ""
    assert export_data(user=resident)["xapi_statements"] == []

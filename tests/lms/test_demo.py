"""The LMS demo: residents with progress, a certificate and classes, loaded once."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.demo import load_cms_demo
from lms.demo import load_lms_demo
from lms.models import Attendance, Certificate, ClassSession, Enrolment
from lms.selectors import learning_year_facts


@pytest.mark.django_db
def test_demo_is_idempotent(course, lessons, settings, tmp_path, monkeypatch):
    monkeypatch.setattr(
        "lms.demo.DEMO_RESIDENT_PASSWORD_FILE", tmp_path / "resident-password"
    )
    load_cms_demo()
    first = load_lms_demo()
    counts = (
        Enrolment.objects.count(),
        Certificate.objects.count(),
        ClassSession.objects.count(),
        Attendance.objects.filter(present=True).count(),
    )
    assert load_lms_demo() == first
    assert counts == (
        Enrolment.objects.count(),
        Certificate.objects.count(),
        ClassSession.objects.count(),
        Attendance.objects.filter(present=True).count(),
    )
    assert counts[1] == 1 and counts[2] == 2 and counts[3] == 4
    resident = get_user_model().objects.get(phone=first["resident"])
    assert resident.check_password(first["password"])
    assert resident.commune.code == "03037"
    facts = learning_year_facts(user_ids=[resident.pk], year=timezone.localdate().year)
    assert facts[resident.pk].courses_completed == 1

"""The demo shows the whole cycle in Tả Van and can be loaded twice."""

import pytest
from django.utils import timezone

from cms.demo import load_cms_demo
from lms.recognition.demo import load_recognition_demo
from lms.recognition.models import Decision, Dossier, Evaluation

pytestmark = pytest.mark.django_db


def test_demo_has_every_step_and_is_idempotent(home_page):
    load_cms_demo()
    year = timezone.localdate().year
    counts = load_recognition_demo()
    citizens = Evaluation.objects.filter(model="citizen", year=year)
    assert citizens.filter(passed=True).exists()
    assert citizens.filter(passed=False).exists()
    statuses = set(Dossier.objects.values_list("status", flat=True))
    assert {"registered", "self_assessed", "returned", "verified", "recognised"} <= (
        statuses
    )
    assert set(counts) == {"citizen", "family", "clan", "community", "unit", "commune"}
    before = (Dossier.objects.count(), Evaluation.objects.count())
    assert load_recognition_demo() == counts
    assert (Dossier.objects.count(), Evaluation.objects.count()) == before
    assert Decision.objects.count() == 1

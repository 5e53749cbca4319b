"""The demo shows the whole cycle in Tả Van and can be loaded twice."""

import pytest
from django.test import RequestFactory
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


def test_demo_officers_sign_in_and_reach_their_pages(
    client, home_page, tmp_path, monkeypatch
):
    import cms.demo
    from lms.recognition.demo import DEMO_OFFICERS

    monkeypatch.setattr(cms.demo, "STAFF_PASSWORD_FILE", tmp_path / "password")
    load_cms_demo()
    load_recognition_demo()
    password = (tmp_path / "password").read_text().strip()
    for phone, _name, _role, _village in DEMO_OFFICERS:
        request = RequestFactory().post("/dang-nhap/")  # django-axes needs it
        assert client.login(request=request, username=phone, password=password)
        assert client.get("/cong-nhan/").status_code == 200, phone
        client.logout()
    assert client.login(
        request=RequestFactory().post("/dang-nhap/"),
        username=DEMO_OFFICERS[2][0],
        password=password,
    )
    listing = client.get("/admin/snippets/recognition/recognisingauthority/")
    assert listing.status_code == 200

"""Province officers edit criteria in the Wagtail admin; used sets get a new version."""

import pytest
from django.contrib.auth import get_user_model

from lms.recognition.models import CriteriaSet, Indicator

from .conftest import register_and_answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser(
        username="quantri", email="qt@example.vn", password="x"
    )
    client.force_login(admin)
    return client


def test_criteria_sets_are_listed_in_the_admin(admin_client):
    page = admin_client.get("/admin/snippets/recognition/criteriaset/")
    assert page.status_code == 200
    assert "Gia đình học tập" in page.content.decode()


def test_opening_a_set_in_use_edits_a_new_version(admin_client, learner):
    used = register_and_answer(learner).criteria_set
    response = admin_client.get(
        f"/admin/snippets/recognition/criteriaset/edit/{used.pk}/"
    )
    copy = CriteriaSet.objects.get(code=used.code, version=used.version + 1)
    assert response.status_code == 302
    assert response.url.endswith(f"/edit/{copy.pk}/")
    assert admin_client.get(response.url).status_code == 200
    indicator = Indicator.objects.get(criterion__criteria_set=used, code="1.2")
    response = admin_client.get(
        f"/admin/snippets/recognition/indicator/edit/{indicator.pk}/"
    )
    target = Indicator.objects.get(criterion__criteria_set=copy, code="1.2")
    assert response.url.endswith(f"/edit/{target.pk}/")
    assert CriteriaSet.objects.filter(code=used.code).count() == 2


def test_unused_set_opens_for_editing(admin_client):
    unused = CriteriaSet.objects.get(code="clan-2022")
    response = admin_client.get(
        f"/admin/snippets/recognition/criteriaset/edit/{unused.pk}/"
    )
    assert response.status_code == 200

"""Province officers edit the criteria sets in the admin; commune staff read them."""

import pytest
from django.contrib.auth import get_user_model

from accounts.roles import Role, group_for


@pytest.fixture
def officer_of(commune):
    def make(role: Role, phone: str):
        user = get_user_model().objects.create_user(
            phone=phone, password="mat-khau-1", commune=commune
        )
        user.groups.add(group_for(role))
        return get_user_model().objects.get(pk=user.pk)

    return make


def test_province_officer_may_edit_criteria_sets(officer_of):
    officer = officer_of(Role.PROVINCE_OFFICER, "0913000001")
    assert officer.has_perm("recognition.change_criteriaset")
    assert officer.has_perm("recognition.add_indicator")


def test_commune_officer_may_only_read_criteria_sets(officer_of):
    officer = officer_of(Role.COMMUNE_OFFICER, "0913000002")
    assert officer.has_perm("recognition.view_criteriaset")
    assert not officer.has_perm("recognition.change_criteriaset")

"""The permission matrix of shared ROLES.md: every role against every action.

Each row names the roles allowed; every other role is asserted refused, so a rule that
widens or narrows shows up as a failing cell. Pages and media are in
tests/cms/test_page_rights.py.
"""

import pytest
from django.contrib.auth import get_user_model

from accounts.roles import Role, group_for
from cms.models import Village
from lms.recognition.models import Dossier
from lms.recognition.rules import visible_dossiers
from lms.reports import scope as report_scope
from tests.lms.recognition.conftest import YEAR, register_and_answer

pytestmark = pytest.mark.django_db

ROLES = [
    "resident",
    "other_resident",
    "centre_staff",
    "far_centre_staff",
    "staff_without_commune",
    "village_officer",
    "other_village_officer",
    "commune_officer",
    "far_commune_officer",
    "province_officer",
    "far_province_officer",
    "contributor",
    "library_editor",
    "admin",
]


@pytest.fixture
def people(commune, other_commune, centre):
    """One account per role; `resident` is the subject of the dossier under test."""
    village, other_village = (
        Village.objects.get_or_create(commune=commune, name=name)[0]
        for name in ("Tả Van Giáy 1", "Tả Van Mông")
    )
    User = get_user_model()
    phones = iter(range(100, 999))

    def person(role=None, *, commune=commune, village=village, **extra):
        user = User.objects.create_user(
            phone=f"0916{next(phones):06d}",
            full_name=f"Người {role or 'dân'}",
            commune=commune,
            village=village,
            birth_year=1980,
            **extra,
        )
        if role is not None:
            user.groups.add(group_for(role))
        return User.objects.get(pk=user.pk)  # fresh: no cached roles

    return {
        "resident": person(),
        "other_resident": person(),
        "centre_staff": person(Role.CENTRE_STAFF),
        "far_centre_staff": person(Role.CENTRE_STAFF, commune=other_commune),
        "staff_without_commune": person(Role.CENTRE_STAFF, commune=None, village=None),
        "village_officer": person(Role.VILLAGE_OFFICER),
        "other_village_officer": person(Role.VILLAGE_OFFICER, village=other_village),
        "commune_officer": person(Role.COMMUNE_OFFICER),
        "far_commune_officer": person(Role.COMMUNE_OFFICER, commune=other_commune),
        "province_officer": person(Role.PROVINCE_OFFICER),
        "far_province_officer": person(
            Role.PROVINCE_OFFICER, commune=other_commune, village=None
        ),
        "contributor": person(Role.UNIVERSITY_CONTRIBUTOR),
        "library_editor": person(Role.LIBRARY_EDITOR),
        "admin": User.objects.create_superuser(
            username="quantri", password="x", commune=commune, village=village
        ),
    }


@pytest.fixture
def dossier(people, course):
    """The resident's self-assessed learning-citizen dossier."""
    return register_and_answer(people["resident"], year=YEAR)


OFFICERS_WHO_FOLLOW = {
    "centre_staff",
    "village_officer",
    "commune_officer",
    "province_officer",
    "admin",
}
DOSSIER_MATRIX = {
    "recognition.view_dossier": {"resident"} | OFFICERS_WHO_FOLLOW,
    "recognition.edit_answers": {"resident", "centre_staff"},
    "recognition.view_evidence": {
        "resident",
        "village_officer",
        "commune_officer",
        "admin",
    },
    "recognition.verify_dossier": {"village_officer", "commune_officer", "admin"},
    "recognition.recognise_dossier": {"commune_officer", "admin"},
    "recognition.revoke_dossier": {"commune_officer", "admin"},
}


@pytest.mark.parametrize("perm", DOSSIER_MATRIX)
def test_dossier_matrix(perm, people, dossier):
    allowed = {role for role in ROLES if people[role].has_perm(perm, dossier)}
    assert allowed == DOSSIER_MATRIX[perm]


def test_the_queue_lists_what_the_rules_let_each_role_follow(people, dossier):
    """visible_dossiers is the queryset face of view_dossier for officers."""
    for role in ROLES:
        listed = Dossier.objects.filter(visible_dossiers(people[role])).exists()
        assert listed == (role in OFFICERS_WHO_FOLLOW), role


OWN_DOSSIER_ROLES = ["village_officer", "commune_officer", "centre_staff", "admin"]


@pytest.mark.parametrize("role", OWN_DOSSIER_ROLES)
def test_nobody_verifies_or_recognises_their_own_dossier(role, people, course):
    own = register_and_answer(people[role], year=YEAR)
    user = people[role]
    assert user.has_perm("recognition.view_dossier", own)
    assert not user.has_perm("recognition.verify_dossier", own)
    assert not user.has_perm("recognition.recognise_dossier", own)


def test_registrant_does_not_verify_what_they_registered(people, course):
    """Centre staff registered the dossier; a commune officer registering would
    also be barred: the registrant is a party."""
    from lms.recognition.services import cycle
    from lms.recognition.subjects import subject_for

    officer = people["commune_officer"]
    village = Village.objects.create(commune=officer.commune, name="Thôn Mới")
    registered = cycle.register(
        subject=subject_for("community", village), year=YEAR, actor=officer
    )
    assert not officer.has_perm("recognition.verify_dossier", registered)
    assert not officer.has_perm("recognition.recognise_dossier", registered)


PERSON_MATRIX = {
    "lms.view_learner_records": {"resident", "centre_staff"},
    "lms.reset_password": {"centre_staff"},
}


@pytest.mark.parametrize("perm", PERSON_MATRIX)
def test_person_matrix(perm, people):
    resident = people["resident"]
    allowed = {role for role in ROLES if people[role].has_perm(perm, resident)}
    # Admins reset passwords in the admin, never through the centre's page.
    assert allowed - {"admin"} == PERSON_MATRIX[perm]


def test_staff_reset_residents_only(people):
    """Not another staff member, officer or admin, even in their own commune."""
    staff = people["centre_staff"]
    for role in ("commune_officer", "village_officer", "centre_staff", "admin"):
        assert not staff.has_perm("lms.reset_password", people[role]), role
    assert staff.has_perm("lms.reset_password", people["other_resident"])


def test_centre_matrix(people, centre, other_centre):
    here = {
        role for role in ROLES if people[role].has_perm("lms.manage_centre", centre)
    }
    there = {
        role
        for role in ROLES
        if people[role].has_perm("lms.manage_centre", other_centre)
    }
    assert here == {"centre_staff", "admin"}
    assert there == {"far_centre_staff", "admin"}


REPORT_READERS = {
    "village_officer",
    "other_village_officer",
    "centre_staff",
    "far_centre_staff",
    "commune_officer",
    "far_commune_officer",
    "province_officer",
    "far_province_officer",
    "admin",
}


def test_report_matrix(people, commune, other_commune):
    here = report_scope.for_commune(commune)
    province = report_scope.for_province(commune.province)
    readers = {role for role in ROLES if people[role].has_perm("reports.view_reports")}
    assert readers == REPORT_READERS
    of_commune = {
        role for role in ROLES if people[role].has_perm("reports.view_reports", here)
    }
    assert of_commune == {
        "centre_staff",
        "commune_officer",
        "province_officer",
        "admin",
    }
    of_province = {
        role
        for role in ROLES
        if people[role].has_perm("reports.view_reports", province)
    }
    assert of_province == {"province_officer", "admin"}
    elsewhere = report_scope.for_commune(other_commune)
    assert {
        role
        for role in ROLES
        if people[role].has_perm("reports.view_reports", elsewhere)
    } == {"far_centre_staff", "far_commune_officer", "far_province_officer", "admin"}


def test_report_matrix_by_village(people, other_commune):
    """A village officer reads their village only; the commune's staff and officers
    and the province's read every village of it."""
    here, next_door = (
        report_scope.for_village(people[role].village)
        for role in ("village_officer", "other_village_officer")
    )
    far = report_scope.for_village(
        Village.objects.create(commune=other_commune, name="Tổ dân phố 1")
    )
    commune_wide = {"centre_staff", "commune_officer", "province_officer", "admin"}

    def readers(area):
        return {
            role
            for role in ROLES
            if people[role].has_perm("reports.view_reports", area)
        }

    assert readers(here) == commune_wide | {"village_officer"}
    assert readers(next_door) == commune_wide | {"other_village_officer"}
    assert readers(far) == {
        "far_centre_staff",
        "far_commune_officer",
        "far_province_officer",
        "admin",
    }

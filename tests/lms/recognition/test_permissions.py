"""Permissions by level: village, commune and province officers."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from cms.roles import Role
from lms.recognition import permissions
from lms.recognition.models import Dossier
from lms.recognition.services import cycle

from .conftest import YEAR, officer, register_and_answer

pytestmark = pytest.mark.django_db


def test_village_officer_verifies_but_cannot_recognise(learner, village_officer):
    dossier = register_and_answer(learner)
    assert permissions.can_verify(village_officer, dossier)
    assert not permissions.can_recognise(village_officer, dossier)
    cycle.accept(dossiers=[dossier], officer=village_officer)
    dossier.refresh_from_db()
    with pytest.raises(PermissionDenied):
        cycle.recognise(
            dossiers=[dossier],
            officer=village_officer,
            number="1",
            date=datetime.date(YEAR, 12, 1),
        )


def test_village_officer_sees_only_their_village(
    learner, make_person, villages, village_officer
):
    mine = register_and_answer(learner)
    theirs = register_and_answer(make_person("Sùng Thị Mỷ", village=villages[1]))
    visible = Dossier.objects.filter(permissions.dossier_scope(village_officer))
    assert list(visible) == [mine]
    assert not permissions.can_verify(village_officer, theirs)


def test_commune_officer_cannot_touch_another_commune(learner, far_officer):
    dossier = register_and_answer(learner)
    assert not permissions.can_view(far_officer, dossier)
    assert not Dossier.objects.filter(permissions.dossier_scope(far_officer)).exists()
    with pytest.raises(PermissionDenied):
        cycle.accept(dossiers=[dossier], officer=far_officer)
    with pytest.raises(PermissionDenied):
        cycle.return_dossier(dossier=dossier, officer=far_officer, note="Không")


def test_commune_officer_recognises_in_their_commune(learner, commune_officer):
    dossier = register_and_answer(learner)
    assert permissions.can_recognise(commune_officer, dossier)


def test_province_officer_acts_across_the_province(
    learner, province_officer, commune, other_commune
):
    dossier = register_and_answer(learner)
    assert permissions.can_recognise(province_officer, dossier)
    assert permissions.can_edit_criteria(province_officer)
    elsewhere = officer("0900000009", commune=other_commune, role=Role.PROVINCE_OFFICER)
    assert other_commune.province_id != commune.province_id
    assert not permissions.can_view(elsewhere, dossier)


def test_commune_community_is_recognised_by_the_province(
    commune, commune_officer, province_officer
):
    from lms.recognition.subjects import subject_for

    dossier = cycle.register(
        subject=subject_for("commune", commune), year=YEAR, actor=commune_officer
    )
    assert not permissions.can_recognise(commune_officer, dossier)
    assert permissions.can_recognise(province_officer, dossier)


def test_centre_staff_verify_but_do_not_recognise(learner, commune):
    staff = officer("0900000010", commune=commune, role=Role.CENTRE_STAFF)
    dossier = register_and_answer(learner)
    assert permissions.can_verify(staff, dossier)
    assert not permissions.can_recognise(staff, dossier)

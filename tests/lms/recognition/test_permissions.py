"""Recognition rules by place and duty, asked as every view asks them: has_perm."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from accounts.roles import Role
from lms.recognition.models import Dossier
from lms.recognition.rules import visible_dossiers
from lms.recognition.services import cycle
from lms.recognition.subjects import subject_for

from .conftest import YEAR, household_of, officer, register_and_answer

pytestmark = pytest.mark.django_db


def test_village_officer_verifies_but_cannot_recognise(learner, village_officer):
    dossier = register_and_answer(learner)
    assert village_officer.has_perm("recognition.verify_dossier", dossier)
    assert not village_officer.has_perm("recognition.recognise_dossier", dossier)
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
    visible = Dossier.objects.filter(visible_dossiers(village_officer))
    assert list(visible) == [mine]
    assert not village_officer.has_perm("recognition.verify_dossier", theirs)


def test_commune_officer_cannot_touch_another_commune(learner, far_officer):
    dossier = register_and_answer(learner)
    assert not far_officer.has_perm("recognition.view_dossier", dossier)
    assert not Dossier.objects.filter(visible_dossiers(far_officer)).exists()
    with pytest.raises(PermissionDenied):
        cycle.accept(dossiers=[dossier], officer=far_officer)
    with pytest.raises(PermissionDenied):
        cycle.return_dossier(dossier=dossier, officer=far_officer, note="Không")


def test_commune_officer_recognises_in_their_commune(learner, commune_officer):
    dossier = register_and_answer(learner)
    assert commune_officer.has_perm("recognition.recognise_dossier", dossier)


def test_province_officer_follows_but_does_not_decide_for_citizens(
    learner, province_officer, commune, other_commune
):
    """Citizens are recognised by the commune; the province follows them."""
    dossier = register_and_answer(learner)
    assert province_officer.has_perm("recognition.view_dossier", dossier)
    assert not province_officer.has_perm("recognition.recognise_dossier", dossier)
    assert province_officer.has_perm("recognition.change_criteriaset")
    elsewhere = officer("0900000009", commune=other_commune, role=Role.PROVINCE_OFFICER)
    assert other_commune.province_id != commune.province_id
    assert not elsewhere.has_perm("recognition.view_dossier", dossier)


def test_commune_community_is_recognised_by_the_province(
    commune, commune_officer, province_officer
):
    from lms.recognition.subjects import subject_for

    dossier = cycle.register(
        subject=subject_for("commune", commune), year=YEAR, actor=commune_officer
    )
    assert not commune_officer.has_perm("recognition.recognise_dossier", dossier)
    assert province_officer.has_perm("recognition.recognise_dossier", dossier)


def test_centre_staff_register_but_neither_verify_nor_recognise(learner, commune):
    staff = officer("0900000010", commune=commune, role=Role.CENTRE_STAFF)
    dossier = register_and_answer(learner)
    assert staff.has_perm("recognition.view_dossier", dossier)
    assert staff.has_perm("recognition.edit_answers", dossier)
    assert not staff.has_perm("recognition.verify_dossier", dossier)
    assert not staff.has_perm("recognition.recognise_dossier", dossier)


def test_staff_without_a_commune_act_nowhere(learner):
    staff = officer("0900000011", commune=None, role=Role.COMMUNE_OFFICER)
    dossier = register_and_answer(learner)
    assert not staff.has_perm("recognition.view_queue")
    assert not staff.has_perm("recognition.view_dossier", dossier)


def test_officer_never_verifies_or_recognises_their_own_dossier(commune, villages):
    """An officer who registers as a learning citizen waits for a colleague."""
    me = officer(
        "0900000012", commune=commune, role=Role.COMMUNE_OFFICER, village=villages[0]
    )
    dossier = register_and_answer(me)
    cycle.submit(dossier=dossier, actor=me)
    assert me.has_perm("recognition.view_dossier", dossier)
    assert not me.has_perm("recognition.verify_dossier", dossier)
    assert not me.has_perm("recognition.recognise_dossier", dossier)
    with pytest.raises(PermissionDenied):
        cycle.accept(dossiers=[dossier], officer=me)


def test_household_member_cannot_verify_the_family(commune, villages, make_person):
    """A village officer living in the household is a party to its dossier."""
    member = officer("0900000013", commune=commune, village=villages[0])
    colleague = officer("0900000014", commune=commune, village=villages[0])
    household = household_of(make_person("Giàng A Páo"), member)
    dossier = cycle.register(
        subject=subject_for("family", household), year=YEAR, actor=household.head
    )
    assert not member.has_perm("recognition.verify_dossier", dossier)
    assert colleague.has_perm("recognition.verify_dossier", dossier)


def test_admin_is_bound_by_separation_of_duties(commune, villages, django_user_model):
    admin = django_user_model.objects.create_superuser(
        username="quantri", password="x", commune=commune, village=villages[0]
    )
    dossier = register_and_answer(admin)
    assert not admin.has_perm("recognition.verify_dossier", dossier)
    assert not admin.has_perm("recognition.recognise_dossier", dossier)

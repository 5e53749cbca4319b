"""The dossier cycle as one state machine: sources, rules, overrides, decisions."""

import datetime
import threading

import pytest
from django.db import connection

from accounts.roles import Role
from lms.recognition import transitions
from lms.recognition.conf import authority_for
from lms.recognition.models import (
    AuditEntry,
    Decision,
    Dossier,
    Evaluation,
    RecognisingAuthority,
    Unit,
)
from lms.recognition.services import cycle
from lms.recognition.services.evaluation import evaluate_dossier
from lms.recognition.subjects import subject_for

from .conftest import YEAR, answer_all, household_of, register_and_answer

pytestmark = pytest.mark.django_db
DAY = datetime.date(YEAR, 12, 20)


def verified(dossier, officer):
    cycle.accept(dossiers=[dossier], officer=officer)
    dossier.refresh_from_db()
    return dossier


def test_available_transitions_follow_state_and_rules(learner, commune_officer):
    dossier = register_and_answer(learner, submit=False)
    assert set(transitions.available(learner, dossier)) == {"submit"}
    assert transitions.available(commune_officer, dossier) == {}
    cycle.submit(dossier=dossier, actor=learner)
    assert set(transitions.available(commune_officer, dossier)) == {"accept", "return"}
    assert set(transitions.available(learner, dossier)) == {"submit"}
    verified(dossier, commune_officer)
    assert set(transitions.available(commune_officer, dossier)) == {
        "recognise",
        "return",
    }
    assert transitions.available(learner, dossier) == {}


def test_a_stale_copy_cannot_move_the_dossier(learner, commune_officer):
    """Two officers on the same page: the second click finds it already moved."""
    dossier = verified(register_and_answer(learner), commune_officer)
    stale = Dossier.objects.get(pk=dossier.pk)
    cycle.recognise(dossiers=[dossier], officer=commune_officer, number="1", date=DAY)
    with pytest.raises(cycle.CycleError):
        transitions.move(transitions.RECOGNISE, dossier=stale, actor=commune_officer)
    assert Decision.objects.count() == 1


def test_failing_dossier_needs_a_written_reason(make_person, commune_officer):
    """No learning, no evidence: recognised only by an explicit, recorded override."""
    person = make_person("Lý Thị Sa")
    dossier = register_and_answer(person)
    assert not evaluate_dossier(dossier=dossier).passed
    verified(dossier, commune_officer)
    with pytest.raises(cycle.CycleError, match="Lý Thị Sa"):
        cycle.recognise(
            dossiers=[dossier], officer=commune_officer, number="2", date=DAY
        )
    assert Decision.objects.count() == 0
    reason = "Hoàn cảnh đặc biệt, đã học đủ tại lớp ghép của thôn"
    cycle.recognise(
        dossiers=[dossier],
        officer=commune_officer,
        number="2",
        date=DAY,
        override_reason=reason,
    )
    dossier.refresh_from_db()
    assert dossier.status == "recognised" and dossier.override_reason == reason
    entry = AuditEntry.objects.get(dossier=dossier, action="recognised_by_override")
    assert reason in entry.summary and entry.data["override_reason"] == reason


def test_passing_dossier_keeps_no_override_reason(learner, commune_officer):
    dossier = verified(register_and_answer(learner), commune_officer)
    cycle.recognise(
        dossiers=[dossier],
        officer=commune_officer,
        number="3",
        date=DAY,
        override_reason="không cần",
    )
    dossier.refresh_from_db()
    assert dossier.override_reason == ""
    assert AuditEntry.objects.filter(dossier=dossier, action="recognised").exists()


def test_one_decision_covers_one_model(learner, make_person, commune_officer):
    """A family ticked beside a citizen is refused, nothing is recognised."""
    citizen = verified(register_and_answer(learner), commune_officer)
    household = household_of(make_person("Giàng A Lử"))
    family = cycle.register(
        subject=subject_for("family", household), year=YEAR, actor=household.head
    )
    answer_all(family, household.head)
    cycle.submit(dossier=family, actor=household.head)
    family = verified(family, commune_officer)
    with pytest.raises(cycle.CycleError, match="một mô hình"):
        cycle.recognise(
            dossiers=[citizen, family],
            officer=commune_officer,
            number="4",
            date=DAY,
            override_reason="x",
        )
    assert Decision.objects.count() == 0
    assert set(Dossier.objects.values_list("status", flat=True)) == {"verified"}


def test_authority_is_data_and_a_province_row_wins(learner, commune_officer):
    dossier = register_and_answer(learner)
    assert authority_for(dossier).authority == "Hội Khuyến học xã Tả Van"
    RecognisingAuthority.objects.create(
        model="citizen",
        level="commune",
        province=dossier.commune.province,
        authority="Uỷ ban nhân dân xã {commune}",
        signer_title="Chủ tịch UBND xã",
    )
    configured = authority_for(dossier)
    assert configured.authority == "Uỷ ban nhân dân xã Tả Van"
    assert configured.signer_title == "Chủ tịch UBND xã"


def test_province_unit_is_decided_in_the_provinces_name(commune, province_officer):
    unit = Unit.objects.create(
        name="Sở Y tế", commune=commune, province_level=True, head=province_officer
    )
    dossier = Dossier(model="unit", unit=unit, commune=commune)
    province = commune.province.name
    assert authority_for(dossier).authority == f"Uỷ ban nhân dân tỉnh {province}"
    unit.province_level = False
    assert authority_for(dossier).authority == "Uỷ ban nhân dân xã Tả Van"


def test_province_officers_edit_only_their_provinces_authorities(
    client, commune, other_commune, province_officer
):
    here = RecognisingAuthority.objects.create(
        model="family",
        level="commune",
        province_id=commune.province_id,
        authority="UBND xã {commune}",
        signer_title="Chủ tịch",
    )
    there = RecognisingAuthority.objects.create(
        model="family",
        level="commune",
        province_id=other_commune.province_id,
        authority="UBND phường {commune}",
        signer_title="Chủ tịch",
    )
    assert province_officer.has_perm("recognition.change_recognisingauthority", here)
    assert not province_officer.has_perm(
        "recognition.change_recognisingauthority", there
    )
    default = RecognisingAuthority.objects.get(
        model="family", level="commune", province=None
    )
    assert not province_officer.has_perm(
        "recognition.change_recognisingauthority", default
    )
    client.force_login(province_officer)
    base = "/admin/snippets/recognition/recognisingauthority"
    listing = client.get(f"{base}/").content.decode()
    assert "UBND xã {commune}" in listing and "UBND phường" not in listing
    assert client.get(f"{base}/edit/{here.pk}/").status_code == 200
    assert client.get(f"{base}/edit/{there.pk}/").status_code in (302, 403)


def test_commune_officer_cannot_edit_authorities(commune_officer):
    assert not commune_officer.has_perm("recognition.add_recognisingauthority")


def test_queue_shows_the_verdict_of_the_dossiers_year(client, learner, commune_officer):
    """A passing evaluation from another year is never shown beside this year's."""
    dossier = register_and_answer(learner)
    Evaluation.objects.filter(subject_key=dossier.subject_key).delete()
    Evaluation.objects.create(
        model="citizen",
        year=YEAR - 1,
        subject_key=dossier.subject_key,
        commune=dossier.commune,
        criteria_set=dossier.criteria_set,
        set_version=1,
        passed=False,
        explanation={},
        evaluated_at=datetime.datetime(YEAR - 1, 12, 1, tzinfo=datetime.UTC),
    )
    client.force_login(commune_officer)
    page = client.get("/cong-nhan/", {"year": YEAR})
    rows = page.context["rows"]
    assert [(d.pk, e) for d, e in rows] == [(dossier.pk, None)]


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="the shared-cache SQLite test database answers 'table is locked' "
    "instead of waiting; run with .ci/with-postgres",
)
@pytest.mark.django_db(transaction=True)
def test_two_officers_recognising_at_once_make_one_decision(learner, commune):
    from .conftest import officer

    first = officer("0900000031", commune=commune, role=Role.COMMUNE_OFFICER)
    second = officer("0900000032", commune=commune, role=Role.COMMUNE_OFFICER)
    dossier = verified(register_and_answer(learner), first)
    barrier = threading.Barrier(2)
    outcomes = []

    def recognise(officer, number):
        try:
            copy = Dossier.objects.get(pk=dossier.pk)
            barrier.wait()
            cycle.recognise(dossiers=[copy], officer=officer, number=number, date=DAY)
            outcomes.append("recognised")
        except cycle.CycleError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=recognise, args=(first, "A")),
        threading.Thread(target=recognise, args=(second, "B")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["recognised", "refused"]
    assert Decision.objects.count() == 1
    assert Dossier.objects.get(pk=dossier.pk).decision.number in {"A", "B"}

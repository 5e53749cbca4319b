"""Bulk and live evaluation from real learning records, with roll-ups."""

import gc

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lms.recognition.learning import record_learning
from lms.recognition.models import (
    Decision,
    Dossier,
    Evaluation,
    Unit,
    UnitMembership,
    subject_key,
)
from lms.recognition.selectors import active_set
from lms.recognition.services.evaluation import evaluate_commune, evaluate_dossier

from .conftest import YEAR, household_of, recognise, register_and_answer

pytestmark = pytest.mark.django_db


def evaluation(model, kind, pk):
    return Evaluation.objects.get(
        model=model, year=YEAR, subject_key=subject_key(kind, pk)
    )


def row(evaluation_row, code):
    return next(
        r for r in evaluation_row.explanation["indicators"] if r["code"] == code
    )


def test_computed_indicators_come_from_learning_records(learner, course):
    """Hours, courses, classes and certificates are read from the LMS tables."""
    dossier = register_and_answer(learner)
    result = evaluate_dossier(dossier=dossier)
    by_code = {r.code: r for r in result.indicators}
    assert by_code["1.2"].value == 24.0  # 18 h online + 3 classes of 2 h
    assert by_code["1.2"].passed
    assert by_code["1.3"].value == 1 and course.title in by_code["1.3"].source
    assert by_code["1.4"].value == 3
    assert any("Pháp luật" in s for s in by_code["1.4"].source)
    assert by_code["2.3"].value == 1
    assert result.passed


def test_resident_without_learning_misses_the_computed_indicators(make_person):
    person = make_person("Lò Văn Chỉnh")
    dossier = register_and_answer(person)
    result = evaluate_dossier(dossier=dossier)
    missing = {r.code for r in result.missing}
    assert {"1.2", "1.3", "2.2"} <= missing
    assert not result.passed


def test_family_rolls_up_the_share_of_adults_who_are_citizens(
    learner, make_person, commune, commune_officer
):
    """Two adults, one a recognised learning citizen: 50 %; the child does not count."""
    recognise(register_and_answer(learner), commune_officer)
    spouse = make_person("Giàng A Páo")
    child = make_person("Giàng A Tú", birth_year=YEAR - 10)
    household = household_of(learner, spouse, child)
    evaluate_commune(commune=commune, year=YEAR)
    family = evaluation("family", "household", household.pk)
    share = row(family, "2.3")
    assert share["value"] == 50.0 and share["passed"]
    assert "1/2" in share["source"] and f"✓ {learner.full_name}" in share["source"]
    learning = row(family, "2.2")
    assert learning["value"] == 50.0 and not learning["passed"]


def test_commune_rolls_up_villages_and_families(
    learner, make_person, commune, villages
):
    """The commune's family and village shares come from their own evaluations."""
    register_and_answer(learner)
    household_of(learner)
    other = make_person("Sùng Thị Mỷ", village=villages[1])
    household_of(other, name="Hộ Sùng A Chu")
    counts = evaluate_commune(commune=commune, year=YEAR)
    families = Evaluation.objects.filter(model="family", year=YEAR, commune=commune)
    assert families.filter(passed=False).count() == 2  # declared items missing
    commune_row = evaluation("commune", "commune", commune.pk)
    assert row(commune_row, "5.1")["value"] == 0.0
    # One adult of two meets the criteria, self-assessed: awaiting, not a holder.
    citizens = row(commune_row, "5.3")
    assert citizens["value"] == 0.0
    assert citizens["source"] == [
        "0/2",
        "Thêm 1 đạt tiêu chí, đang chờ thẩm định",
    ]
    village_rows = Evaluation.objects.filter(model="community", year=YEAR)
    assert village_rows.count() == commune.villages.count()
    assert row(commune_row, "5.2")["source"] == [
        f"{village_rows.filter(passed=True).count()}/{village_rows.count()}"
    ]
    assert counts["citizen"]["passed"] == 1
    assert counts["citizen"]["dossiers"] == {"self_assessed": 1}


def test_commune_counts_a_recognised_village_it_did_not_evaluate(
    commune, villages, commune_officer
):
    """Evaluating the commune alone takes a village's recognition as it stands."""
    village = villages[0]
    decision = Decision.objects.create(
        number="3/QĐ-UBND",
        date=timezone.localdate(),
        model="community",
        year=YEAR,
        commune=commune,
        created_by=commune_officer,
    )
    Dossier.objects.create(
        model="community",
        year=YEAR,
        subject_key=subject_key("village", village.pk),
        subject_name=village.name,
        commune=commune,
        village=village,
        criteria_set=active_set(model="community", scope="village", year=YEAR),
        status="recognised",
        decision=decision,
        registered_at=timezone.now(),
    )
    evaluate_commune(commune=commune, year=YEAR, models=["commune"])
    share = row(evaluation("commune", "commune", commune.pk), "5.2")
    assert share["source"] == [f"1/{commune.villages.count()}"]


def test_family_share_follows_member_results(
    learner, make_person, commune, commune_officer
):
    """When the second adult learns too, the family's learning share reaches 100 %."""
    spouse = make_person("Giàng A Páo")
    household = household_of(learner, spouse)
    recognise(register_and_answer(learner), commune_officer)
    evaluate_commune(commune=commune, year=YEAR, models=["citizen", "family"])
    assert row(evaluation("family", "household", household.pk), "2.3")["value"] == 50
    record_learning(person=spouse, year=YEAR, online_hours=30)
    evaluate_commune(commune=commune, year=YEAR, models=["family"])
    family = evaluation("family", "household", household.pk)
    assert row(family, "2.2")["value"] == 100.0


def test_bulk_evaluation_is_idempotent(learner, make_person, commune):
    """Running twice gives the same results and no duplicate rows."""
    household_of(learner, make_person("Giàng A Páo"))
    register_and_answer(learner)
    first = evaluate_commune(commune=commune, year=YEAR)
    snapshot = sorted(
        Evaluation.objects.values_list("model", "subject_key", "passed", "explanation")
    )
    second = evaluate_commune(commune=commune, year=YEAR)
    assert first == second
    assert (
        sorted(
            Evaluation.objects.values_list(
                "model", "subject_key", "passed", "explanation"
            )
        )
        == snapshot
    )


def test_second_run_rewrites_only_changed_results(learner, make_person, commune):
    """Unchanged rows keep their time of evaluation; a changed result is rewritten."""
    spouse = make_person("Giàng A Páo")
    household = household_of(learner, spouse)
    evaluate_commune(commune=commune, year=YEAR, models=["citizen", "family"])
    before = dict(Evaluation.objects.values_list("subject_key", "evaluated_at"))
    record_learning(person=spouse, year=YEAR, online_hours=30)
    evaluate_commune(commune=commune, year=YEAR, models=["citizen", "family"])
    after = dict(Evaluation.objects.values_list("subject_key", "evaluated_at"))
    changed = {key for key in after if after[key] != before[key]}
    assert changed == {
        subject_key("person", spouse.pk),
        subject_key("household", household.pk),
    }
    spouse_row = evaluation("citizen", "person", spouse.pk)
    assert row(spouse_row, "1.2")["value"] == 30.0


def test_bulk_run_pauses_the_cycle_collector_and_restores_it(learner, commune):
    during = []
    evaluate_commune(
        commune=commune, year=YEAR, progress=lambda done: during.append(gc.isenabled())
    )
    assert during and not any(during)
    assert gc.isenabled()


def test_bulk_queries_do_not_grow_with_residents(make_person, commune, course):
    """Learning facts are fetched once per batch, not per person."""
    for index in range(3):
        household_of(make_person(f"Người {index}"), name=f"Hộ {index}")
    with CaptureQueriesContext(connection) as few:
        evaluate_commune(commune=commune, year=YEAR, models=["citizen", "family"])
    for index in range(3, 15):
        household_of(make_person(f"Người {index}"), name=f"Hộ {index}")
    with CaptureQueriesContext(connection) as many:
        evaluate_commune(commune=commune, year=YEAR, models=["citizen", "family"])
    assert len(many) == len(few)


def test_command_prints_counts_per_model_and_status(learner, commune, capsys):
    register_and_answer(learner)
    call_command("recognition", "evaluate", "--year", str(YEAR), "--commune", "03037")
    out = capsys.readouterr().out
    assert "Tả Van" in out
    assert "citizen" in out and "passed=1" in out and "self_assessed=1" in out


def test_command_limits_to_one_model(learner, commune, capsys):
    call_command(
        "recognition",
        "evaluate",
        "--year",
        str(YEAR),
        "--commune",
        "03037",
        "--model",
        "citizen",
    )
    out = capsys.readouterr().out
    assert "citizen" in out and "family" not in out
    assert not Evaluation.objects.filter(model="family").exists()


def test_unit_rolls_up_members(learner, make_person, commune, commune_officer):
    unit = Unit.objects.create(
        name="Trường Tiểu học Tả Van", kind="school", commune=commune
    )
    for person in (learner, make_person("Vàng Thị Sử")):
        UnitMembership.objects.create(unit=unit, person=person, joined_on="2024-01-01")
    recognise(register_and_answer(learner), commune_officer)
    evaluate_commune(commune=commune, year=YEAR, models=["citizen", "unit"])
    assert row(evaluation("unit", "unit", unit.pk), "2.1")["value"] == 50.0

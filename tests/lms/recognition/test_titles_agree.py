"""Titles held are titles recognised by a decision, counted the same everywhere.

Roll-ups (village and commune evaluations), the evaluation run's counts and the
officers' QĐ 387 report give the same numbers for the same place and year; what
meets the criteria without a decision is a separate "awaiting" figure.
"""

import datetime

import pytest
from django.utils import timezone

from accounts.roles import Role
from lms.recognition.learning import record_learning
from lms.recognition.models import (
    Clan,
    CriteriaSet,
    Decision,
    Dossier,
    Evaluation,
    Household,
    Unit,
    subject_key,
)
from lms.recognition.run_report import model_lines
from lms.recognition.services import cycle
from lms.recognition.services.evaluation import evaluate_commune
from lms.reports import scope
from lms.reports.figures import build_report

from .conftest import YEAR, household_of, officer, recognise, register_and_answer

pytestmark = pytest.mark.django_db

KIND = {"family": "household", "clan": "clan", "unit": "unit", "community": "village"}


def decided(model, subject, *, commune, village=None, status="recognised", by):
    """A dossier in ``status``; recognised and revoked ones carry a decision."""
    decision = None
    if status in ("recognised", "revoked"):
        decision = Decision.objects.create(
            number=f"{subject.pk}/QĐ-{model}",
            date=datetime.date(YEAR, 12, 1),
            model=model,
            year=YEAR,
            commune=commune,
            created_by=by,
        )
    return Dossier.objects.create(
        model=model,
        year=YEAR,
        subject_key=subject_key(KIND[model], subject.pk),
        subject_name=str(subject),
        household=subject if model == "family" else None,
        clan=subject if model == "clan" else None,
        unit=subject if model == "unit" else None,
        commune=commune,
        village=village or getattr(subject, "village", None),
        criteria_set=CriteriaSet.objects.filter(model=model, status="active").first(),
        status=status,
        decision=decision,
        registered_at=timezone.now(),
    )


def row(model, kind, pk, code):
    evaluation = Evaluation.objects.get(
        model=model, year=YEAR, subject_key=subject_key(kind, pk)
    )
    return next(r for r in evaluation.explanation["indicators"] if r["code"] == code)


@pytest.fixture
def place(make_person, villages, commune, commune_officer, course, sessions):
    """Two villages; citizens and families in every state of the cycle."""
    v0, v1 = villages

    def citizen(name, village, *, learns=True):
        person = make_person(name, village=village)
        if learns:
            record_learning(
                person=person,
                year=YEAR,
                online_hours=18,
                courses=[course],
                classes=sessions,
                certificate=True,
            )
        return person

    holder = citizen("Giàng Thị Dung", v0)
    recognise(register_and_answer(holder), commune_officer)
    verified = citizen("Lò Văn Chỉnh", v0)
    cycle.accept(dossiers=[register_and_answer(verified)], officer=commune_officer)
    self_assessed = citizen("Sùng Thị Mỷ", v1)
    register_and_answer(self_assessed)
    returned = citizen("Vàng A Sử", v1, learns=False)
    cycle.return_dossier(
        dossier=register_and_answer(returned),
        officer=commune_officer,
        note="Thiếu minh chứng",
    )
    citizen("Má Thị Chi", v1, learns=False)
    # A village officer lives in v0 and learns: staff never count as residents.
    staff = officer("0900000010", commune=commune, village=v0)
    record_learning(person=staff, year=YEAR, online_hours=40)

    households = {}
    for index, (village, status) in enumerate(
        [
            (v0, "recognised"),
            (v0, "verified"),
            (v0, "self_assessed"),
            (v0, "returned"),
            (v0, None),
            (v1, "recognised"),
            (v1, "revoked"),
            (v1, None),
        ]
    ):
        household = Household.objects.create(
            name=f"Hộ {index}", commune=commune, village=village
        )
        if status:
            decided(
                "family", household, commune=commune, status=status, by=commune_officer
            )
        households[index] = household
    household_of(holder, verified, name="Hộ Giàng A Lử")  # a ninth, in v0
    return v0, v1, staff


def test_roll_ups_runs_and_reports_count_the_same_titles(place, commune):
    v0, v1, staff = place
    counts = evaluate_commune(commune=commune, year=YEAR)
    report = build_report(scope=scope.for_commune(commune), year=YEAR)

    # Titles held: the run, the report's totals and its QĐ 387 lines agree.
    assert counts["citizen"]["held"] == 1
    assert report.totals.recognition["citizen"].recognised == 1
    assert counts["family"]["held"] == 2
    assert report.totals.recognition["family"].recognised == 2
    targets = {line.key: line for line in report.targets}
    assert (targets["family"].recognised, targets["family"].total) == (2, 9)
    families = row("commune", "commune", commune.pk, "5.1")
    assert families["source"][0] == "2/9"
    assert families["value"] == 22.22  # the report shows one decimal
    assert targets["family"].rate == round(families["value"], 1)

    # Village by village, the roll-up and the report's row for the village.
    by_area = {r.key: r for r in report.by_area}
    for village, families_there, citizens_there in ((v0, 6, 2), (v1, 3, 3)):
        held = by_area[village.pk].recognition["family"].recognised
        assert row("community", "village", village.pk, "1.1")["source"][0] == (
            f"{held}/{families_there}"
        )
        held = by_area[village.pk].recognition["citizen"].recognised
        share = row("community", "village", village.pk, "1.2")
        assert share["source"][0] == f"{held}/{citizens_there}"
    assert by_area[v0.pk].recognition["citizen"].recognised == 1
    assert by_area[v1.pk].recognition["citizen"].recognised == 0

    # Meeting the criteria without a decision is its own figure, never a title.
    assert counts["citizen"]["awaiting"] == 2  # verified and self-assessed
    citizens = row("commune", "commune", commune.pk, "5.3")
    assert citizens["source"] == ["1/5", "Thêm 2 đạt tiêu chí, đang chờ thẩm định"]
    assert citizens["value"] == 20.0
    lines = {line.model: line for line in model_lines(counts)}
    assert (lines["citizen"].held, lines["citizen"].awaiting) == (1, 2)
    assert (lines["family"].held, lines["family"].frozen) == (2, 3)  # + revoked

    # The officer who lives in v0 is no resident: not evaluated, not counted.
    assert not Evaluation.objects.filter(
        model="citizen", subject_key=subject_key("person", staff.pk)
    ).exists()


def test_a_second_commune_only_run_keeps_the_same_figures(place, commune):
    """Evaluating the commune alone reads titles and stored verdicts the same way."""
    evaluate_commune(commune=commune, year=YEAR)
    first = row("commune", "commune", commune.pk, "5.3")
    evaluate_commune(commune=commune, year=YEAR, models=["commune"])
    assert row("commune", "commune", commune.pk, "5.3") == first


def test_commune_measures_the_shares_of_learning_clans_and_units(
    commune, villages, commune_officer
):
    """TT 25 criterion 5 (version 2): clans ≥ 65 %, units ≥ 80 % recognised."""
    clans = [
        Clan.objects.create(name=f"Dòng họ {n}", commune=commune, village=villages[0])
        for n in ("Giàng", "Lò", "Sùng")
    ]
    for clan, status in zip(
        clans, ("recognised", "recognised", "revoked"), strict=True
    ):
        decided("clan", clan, commune=commune, status=status, by=commune_officer)
    units = [
        Unit.objects.create(name=name, kind="school", commune=commune)
        for name in ("Trường Tiểu học Tả Van", "Trường Mầm non Tả Van")
    ]
    decided("unit", units[0], commune=commune, by=commune_officer)
    decided(
        "unit", units[1], commune=commune, status="self_assessed", by=commune_officer
    )
    counts = evaluate_commune(commune=commune, year=YEAR, models=["commune"])
    clan_share = row("commune", "commune", commune.pk, "5.7")
    assert clan_share["value"] == 66.67 and clan_share["passed"]
    assert clan_share["source"] == ["2/3"]
    unit_share = row("commune", "commune", commune.pk, "5.8")
    assert unit_share["value"] == 50.0 and not unit_share["passed"]
    assert counts["commune"]["not_passed"] == 1
    report = build_report(scope=scope.for_commune(commune), year=YEAR)
    targets = {line.key: line for line in report.targets}
    assert (targets["clan"].recognised, targets["clan"].total) == (2, 3)
    assert (targets["unit"].recognised, targets["unit"].total) == (1, 2)


def test_a_recognised_status_without_a_decision_holds_no_title(
    commune, villages, commune_officer
):
    """Only a decision makes a holder, in the roll-up and in the report alike."""
    household = Household.objects.create(
        name="Hộ không quyết định", commune=commune, village=villages[0]
    )
    dossier = decided("family", household, commune=commune, by=commune_officer)
    Dossier.objects.filter(pk=dossier.pk).update(decision=None)
    counts = evaluate_commune(commune=commune, year=YEAR, models=["family", "commune"])
    assert counts["family"].get("held", 0) == 0
    assert row("commune", "commune", commune.pk, "5.1")["source"][0] == "0/1"
    report = build_report(scope=scope.for_commune(commune), year=YEAR)
    assert report.totals.recognition["family"].recognised == 0


def test_staff_roles_are_not_counted_in_targets(commune, commune_officer):
    officer("0900000011", commune=commune, role=Role.CENTRE_STAFF)
    report = build_report(scope=scope.for_commune(commune), year=YEAR)
    assert sum(line.total for line in report.targets if line.key == "official") == 0

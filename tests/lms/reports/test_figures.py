"""Figures against the hand-counted data set in ``data.py``."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.roles import Role
from lms.models import TargetGroup
from lms.recognition.models import CriteriaSet, Dossier, Household
from lms.reports import presentation, scope
from lms.reports.figures import Classes, Funnel, Learning, build_report

from . import data

YEAR = data.YEAR


@pytest.fixture
def world(home_page, commune, neighbour_commune, other_commune):
    return data.build(
        home_page=home_page, a=commune, b=neighbour_commune, c=other_commune
    )


@pytest.fixture
def commune_report(world):
    return build_report(scope=scope.for_commune(world.a), year=YEAR)


def _by_label(rows):
    return {row.label if isinstance(row.key, int) else row.key: row for row in rows}


def test_recognition_totals_skip_drafts_and_revoked(commune_report):
    citizen = commune_report.totals.recognition["citizen"]
    assert citizen == Funnel(registered=4, self_assessed=4, verified=2, recognised=1)
    assert (
        citizen.self_assessed_rate,
        citizen.verified_rate,
        citizen.recognised_rate,
    ) == (100.0, 50.0, 25.0)
    assert commune_report.totals.recognition["family"] == Funnel(1, 1, 1, 0)
    assert commune_report.totals.recognition["clan"] == Funnel()


def test_recognition_by_village_keeps_the_dossier_commune(commune_report):
    rows = _by_label(commune_report.by_area)
    assert list(rows) == ["Thôn Hai", "Thôn Một", None]
    assert rows["Thôn Một"].recognition["citizen"] == Funnel(2, 2, 1, 1)
    assert rows["Thôn Một"].recognition["family"] == Funnel(1, 1, 1, 0)
    assert rows["Thôn Hai"].recognition["citizen"] == Funnel(2, 2, 1, 0)


def test_citizens_by_target_group(commune_report):
    rows = _by_label(commune_report.by_group)
    assert rows["farmer"].recognition["citizen"] == Funnel(1, 1, 1, 1)
    assert rows["worker"].recognition["citizen"] == Funnel(1, 1, 0, 0)
    assert rows["other"].recognition["citizen"] == Funnel(1, 1, 1, 0)
    assert rows["elderly"].recognition["citizen"] == Funnel()


def test_learning_totals_count_records_where_they_were_made(commune_report):
    """Minh's February enrolment and March study count in A, his later ones do not."""
    learning = commune_report.totals.learning
    assert learning == Learning(
        enrolments=3,
        completed_enrolments=2,
        completions=3,
        online_seconds=12600,
        attendances=3,
        in_person_hours=Decimal("5.5"),
    )
    assert learning.completion_rate == 66.7
    assert learning.online_hours == 3.5


def test_learning_by_village_puts_movers_in_their_own_row(commune_report):
    rows = _by_label(commune_report.by_area)
    assert rows["Thôn Một"].learning == Learning(
        enrolments=2,
        completed_enrolments=1,
        completions=1,
        online_seconds=5400,
        attendances=2,
        in_person_hours=Decimal("3.5"),
    )
    assert rows["Thôn Hai"].learning == Learning(completions=1)
    assert rows[None].learning == Learning(
        enrolments=1,
        completed_enrolments=1,
        completions=1,
        online_seconds=7200,
        attendances=1,
        in_person_hours=Decimal("2.0"),
    )


def test_learning_by_target_group(commune_report):
    rows = _by_label(commune_report.by_group)
    assert rows["worker"].learning.enrolments == 1
    assert rows["pupil"].learning == Learning(completions=1)
    assert sum((r.learning for r in commune_report.by_group), Learning()) == (
        commune_report.totals.learning
    )


def test_classes_held_by_the_centre_and_by_topic(commune_report):
    assert commune_report.totals.classes == Classes(2, Decimal("3.5"), 4)
    topics = {t.topic: t.classes for t in commune_report.topics}
    assert topics == {
        "Trồng lúa": Classes(1, Decimal("2.0"), 2),
        "Pháp luật": Classes(1, Decimal("1.5"), 2),
    }


def test_trend_matches_each_year_report(world, commune_report):
    """The comparison row of a year equals that year's own report."""
    assert [y.year for y in commune_report.trend] == [2021, 2022, 2023, 2024, 2025]
    earlier = build_report(scope=scope.for_commune(world.a), year=YEAR - 1)
    assert commune_report.trend[-2] == earlier.totals
    assert earlier.totals.recognition["citizen"] == Funnel(1, 1, 1, 1)
    assert earlier.totals.learning == Learning(
        enrolments=1,
        completed_enrolments=1,  # Lan's, completed in January 2025
        online_seconds=3600,
        attendances=1,
        in_person_hours=Decimal(1),
    )
    assert earlier.totals.classes == Classes(1, Decimal("1.0"), 1)


def test_province_report_is_by_commune(world):
    report = build_report(scope=scope.for_province(world.a.province), year=YEAR)
    rows = {row.key: row for row in report.by_area}
    assert None not in rows
    a, b = rows[world.a.pk], rows[world.b.pk]
    assert a.learning.enrolments == 3 and b.learning.enrolments == 1
    assert b.learning.online_seconds == 3600
    assert b.learning.in_person_hours == Decimal("4.5")  # 1.5 in A's class + 3.0
    assert a.classes == Classes(2, Decimal("3.5"), 4)
    assert b.classes == Classes(1, Decimal("3.0"), 1)
    assert b.recognition["citizen"] == Funnel()
    assert report.totals.recognition["citizen"] == Funnel(4, 4, 2, 1)
    assert report.totals.learning.enrolments == 4
    # Communes with nothing to report are listed too.
    assert len(report.by_area) == len(world.a.province.communes.filter(is_current=True))


def test_platform_report_is_by_province(world):
    report = build_report(scope=scope.platform(), year=YEAR)
    rows = {row.key: row for row in report.by_area}
    assert rows[world.c.province_id].recognition["citizen"] == Funnel(1, 1, 1, 1)
    assert rows[world.a.province_id].learning.enrolments == 4
    assert report.totals.learning.enrolments == 5
    assert report.totals.recognition["citizen"].recognised == 2


def test_query_count_does_not_grow_with_the_data(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(25):  # 5 of them count for the targets
        build_report(scope=scope.for_province(world.a.province), year=YEAR)


def test_dashboard_query_count_is_bounded(
    client, make_officer, world, django_assert_max_num_queries
):
    client.force_login(make_officer(Role.PROVINCE_OFFICER, world.a))
    with django_assert_max_num_queries(35):
        response = client.get(reverse("reports:dashboard"), {"year": YEAR})
    assert response.status_code == 200
    assert response.content.decode().count('role="img"') >= 8


def test_targets_compare_recognised_shares_with_qd_387(world):
    """Shares of all households, villages and officials, against the set targets."""
    household = Household.objects.create(name="Hộ ông Lan", commune=world.a)
    official = get_user_model().objects.create_user(
        phone="0911000099", commune=world.a, target_group=TargetGroup.OFFICIAL
    )
    for model, subject in (("family", household), ("citizen", official)):
        Dossier.objects.create(
            model=model,
            year=YEAR,
            subject_key=f"{model}:{subject.pk}",
            subject_name=str(subject),
            person=official if model == "citizen" else None,
            household=household if model == "family" else None,
            commune=world.a,
            criteria_set=CriteriaSet.objects.filter(model=model).first(),
            status="recognised",
            decision=data.decision(model, YEAR, world.a),
            registered_at=data.at(f"{YEAR}-02-01"),
            recognised_at=data.at(f"{YEAR}-05-01"),
        )
    report = build_report(scope=scope.for_commune(world.a), year=YEAR)
    lines = {line.key: line for line in report.targets}
    family = lines["family"]  # Hộ bà Hoa (verified only) and Hộ ông Lan
    assert (family.recognised, family.total, family.rate) == (1, 2, 50.0)
    assert family.target == 70 and family.met is False
    assert (lines["community"].recognised, lines["community"].total) == (0, 2)
    assert (lines["official"].rate, lines["official"].met) == (100.0, True)
    assert lines["worker"].total == 0 and lines["worker"].met is None  # Minh moved
    table = presentation.table_by_key(report, "targets")
    assert "QĐ 387" in table.title
    assert table.rows[0][1:] == (1, 2, 50.0, 70, "Chưa đạt")

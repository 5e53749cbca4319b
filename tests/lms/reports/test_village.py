"""Village reports: a village officer reads their own village's figures, and only those.

Figures are counted by hand from ``data.py``: Thôn Một (v1) and Thôn Hai (v2) are in
commune A, Thôn Ba (v3) in the neighbouring commune B.
"""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from accounts.roles import Role, group_for
from lms.reports import presentation, scope
from lms.reports.exports import HEADER_ROW
from lms.reports.figures import Classes, Funnel, Learning, build_report
from lms.reports.summaries import refresh_summaries

from . import data

YEAR = data.YEAR
DASHBOARD = reverse("reports:dashboard")
URLS = [reverse("reports:dashboard"), reverse("reports:print")] + [
    reverse("reports:export", args=[fmt]) for fmt in ("xlsx", "csv")
]


@pytest.fixture
def world(home_page, commune, neighbour_commune, other_commune):
    return data.build(
        home_page=home_page, a=commune, b=neighbour_commune, c=other_commune
    )


@pytest.fixture
def village_officer(make_officer, world):
    return make_officer(Role.VILLAGE_OFFICER, world.a, village=world.v1)


@pytest.fixture
def village_report(world):
    return build_report(scope=scope.for_village(world.v1), year=YEAR)


def _by_key(rows):
    return {row.key: row for row in rows}


def _by_key_lines(lines):
    return {line.key: line for line in lines}


def test_village_figures_count_only_the_village(village_report):
    """Hoa's and Minh's dossiers were made in Thôn Một; of the learning records only
    Hoa's: Minh lives in commune B now, so his A records sit in no village."""
    totals = village_report.totals
    assert totals.recognition["citizen"] == Funnel(2, 2, 1, 1)
    assert totals.recognition["family"] == Funnel(1, 1, 1, 0)
    assert totals.learning == Learning(
        enrolments=2,
        completed_enrolments=1,
        completions=1,
        online_seconds=5400,
        attendances=2,
        in_person_hours=Decimal("3.5"),
    )
    assert totals.classes == Classes()  # classes belong to the commune's centre
    groups = _by_key(village_report.by_group)
    assert groups["farmer"].recognition["citizen"] == Funnel(1, 1, 1, 1)
    assert groups["worker"].recognition["citizen"] == Funnel(1, 1, 0, 0)
    assert groups["farmer"].learning == totals.learning
    assert [row.label for row in village_report.by_area] == ["Thôn Một"]


def test_each_village_report_is_its_row_of_the_commune_report(world):
    commune_rows = _by_key(
        build_report(scope=scope.for_commune(world.a), year=YEAR).by_area
    )
    for village in (world.v1, world.v2):
        report = build_report(scope=scope.for_village(village), year=YEAR)
        row = commune_rows[village.pk]
        assert report.totals.recognition == row.recognition
        assert report.totals.learning == row.learning
    assert commune_rows[world.v2.pk].learning == Learning(completions=1)


def test_village_trend_counts_the_village_in_earlier_years(world, village_report):
    earlier = village_report.trend[-2]
    assert earlier.year == YEAR - 1
    assert earlier.recognition["citizen"] == Funnel(1, 1, 1, 1)
    assert earlier.learning == Learning(
        online_seconds=3600, attendances=1, in_person_hours=Decimal(1)
    )
    assert earlier.classes == Classes()


def test_village_targets_count_the_village_and_leave_out_villages(
    world, village_report
):
    lines = _by_key_lines(village_report.targets)
    assert "community" not in lines
    assert (lines["family"].recognised, lines["family"].total) == (0, 1)
    assert lines["clan"].total == 0 and lines["unit"].total == 0
    assert lines["worker"].total == 0  # Minh, the worker, lives in commune B now


def test_village_report_says_what_it_does_not_break_down(village_report):
    keys = [table.key for table in presentation.tables(village_report)]
    assert "classes" not in keys and "recognition_by_area" not in keys
    trend = presentation.table_by_key(village_report, "trend")
    assert "Classes held" not in [column.header for column in trend.columns]
    assert len(village_report.notes) == 2


def test_stored_village_figures_equal_live_ones(world):
    areas = [scope.for_village(world.v1), scope.for_village(world.v3)]
    live = [presentation.tables(build_report(scope=a, year=YEAR)) for a in areas]
    refresh_summaries(years=[YEAR - 1, YEAR])
    for area, expected in zip(areas, live, strict=True):
        report = build_report(scope=area, year=YEAR)
        assert report.summarised_at is not None
        assert presentation.tables(report) == expected


def test_village_officer_reads_their_village_dashboard(
    client, village_officer, world, django_assert_max_num_queries
):
    client.force_login(village_officer)
    with django_assert_max_num_queries(35):
        response = client.get(DASHBOARD, {"year": YEAR})
    assert response.status_code == 200
    assert response.context["area"].village == world.v1
    assert response.context["report"].totals.learning.online_seconds == 5400
    assert response.context["areas"] == [
        (f"village:{world.v1.pk}", f"Thôn Một, {world.a.name}")
    ]
    html = response.content.decode()
    assert f"Thôn Một, {world.a.name}" in html
    assert "không chia theo thôn" in html
    same = client.get(DASHBOARD, {"village": world.v1.pk, "year": YEAR})
    assert same.context["area"] == response.context["area"]


@pytest.mark.parametrize("url", URLS)
def test_village_officer_gets_403_elsewhere(client, village_officer, world, url):
    client.force_login(village_officer)
    for params in (
        {"commune": world.a.code},
        {"village": world.v2.pk},
        {"village": world.v3.pk},
        {"commune": world.b.code},
        {"province": world.a.province.code},
        {"area": f"village:{world.v2.pk}"},
        {"area": f"commune:{world.a.code}"},
    ):
        assert client.get(url, params).status_code == 403, params
    assert client.get(url, {"village": world.v1.pk}).status_code == 200


def test_unknown_village_is_404(client, village_officer):
    client.force_login(village_officer)
    for number in ("999999", "thon-1", "9" * 40):
        assert client.get(DASHBOARD, {"village": number}).status_code == 404


def test_village_export_names_the_village(client, village_officer, world):
    client.force_login(village_officer)
    response = client.get(
        reverse("reports:export", args=["xlsx"]), {"year": YEAR, "table": "trend"}
    )
    assert response["Content-Disposition"] == (
        f'attachment; filename="bao-cao-{YEAR}-thon-{world.v1.pk}-trend.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "THÔN MỘT"
    assert sheet["A7"].value == f"Đơn vị báo cáo: Thôn Một, {world.a.name}"
    assert sheet.cell(row=HEADER_ROW, column=8).value  # the last column
    assert sheet.cell(row=HEADER_ROW, column=9).value is None  # no "classes held"
    classes = client.get(
        reverse("reports:export", args=["csv"]), {"year": YEAR, "table": "classes"}
    )
    assert classes.status_code == 404


def test_printable_village_report(client, village_officer, world):
    client.force_login(village_officer)
    html = client.get(reverse("reports:print"), {"year": YEAR}).content.decode()
    assert f"Thôn Một, {world.a.name}" in html
    assert "không chia theo thôn" in html


def test_header_links_a_village_officer_to_reports(client, village_officer, home_page):
    client.force_login(village_officer)
    assert "/bao-cao/" in client.get(home_page.url).content.decode()


def test_village_officer_without_a_village_reads_nothing(client, make_officer, world):
    client.force_login(make_officer(Role.VILLAGE_OFFICER, world.a))
    assert client.get(DASHBOARD).status_code == 403


def test_village_officer_who_is_commune_officer_sees_the_commune(
    client, village_officer, world
):
    village_officer.groups.add(group_for(Role.COMMUNE_OFFICER))
    client.force_login(village_officer)
    assert client.get(DASHBOARD).context["area"] == scope.for_commune(world.a)
    assert client.get(DASHBOARD, {"village": world.v2.pk}).status_code == 200


def test_commune_officer_sees_the_commune_by_village_and_each_village(
    client, make_officer, world
):
    client.force_login(make_officer(Role.COMMUNE_OFFICER, world.a))
    response = client.get(DASHBOARD, {"year": YEAR})
    rows = _by_key(response.context["report"].by_area)
    assert list(rows) == [world.v2.pk, world.v1.pk, None]
    assert rows[world.v1.pk].learning.online_seconds == 5400
    assert response.context["areas"] == [
        (f"commune:{world.a.code}", response.context["area"].label),
        (f"village:{world.v2.pk}", "– Thôn Hai"),
        (f"village:{world.v1.pk}", "– Thôn Một"),
    ]
    picked = client.get(DASHBOARD, {"area": f"village:{world.v1.pk}", "year": YEAR})
    assert picked.context["area"] == scope.for_village(world.v1)
    assert f'value="village:{world.v1.pk}" selected' in picked.content.decode()
    assert client.get(DASHBOARD, {"village": world.v3.pk}).status_code == 403


def test_province_officer_reads_any_village_of_the_province(
    client, make_officer, world
):
    client.force_login(make_officer(Role.PROVINCE_OFFICER, world.a))
    assert client.get(DASHBOARD, {"village": world.v3.pk}).status_code == 200


def test_command_writes_a_village_report(world, tmp_path):
    output = tmp_path / "thon.json"
    call_command(
        "learning_report",
        "--year",
        str(YEAR),
        "--village",
        str(world.v1.pk),
        "--format",
        "json",
        "--output",
        output,
        stdout=io.StringIO(),
    )
    written = json.loads(output.read_text())
    assert written["level"] == "village"
    assert written["area_codes"] == {"village": str(world.v1.pk)}
    assert len(written["notes"]) == 2
    with pytest.raises(CommandError):
        call_command(
            "learning_report", "--year", "2025", "--village", "0", "--output", output
        )

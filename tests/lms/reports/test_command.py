"""The learning_report command writes what the dashboard shows."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cms.roles import Role
from lms.reports import presentation
from lms.reports.models import PageViewDaily


def _dashboard_tables(client, params):
    response = client.get(reverse("reports:dashboard"), params)
    assert response.status_code == 200
    report = response.context["report"]
    return json.loads(json.dumps(presentation.as_dict(report)["tables"]))


def test_command_json_matches_the_dashboard(
    client, make_officer, commune, library, tmp_path
):
    year = timezone.localdate().year
    PageViewDaily.objects.create(page=library["c"], day=f"{year}-05-05", count=9)
    client.force_login(make_officer(Role.COMMUNE_OFFICER, commune))
    output = tmp_path / "r.json"
    call_command(
        "learning_report",
        year=year,
        commune=commune.code,
        format="json",
        output=str(output),
        stdout=io.StringIO(),
    )
    written = json.loads(output.read_text())
    assert written["year"] == year
    assert written["area_codes"] == {"commune": commune.code}
    assert written["tables"] == _dashboard_tables(client, {"year": year})
    assert any(table["rows"] for table in written["tables"])


def test_command_without_area_covers_the_platform_as_xlsx(db, tmp_path):
    output = tmp_path / "r.xlsx"
    call_command(
        "learning_report",
        "--year",
        "2026",
        "--format",
        "xlsx",
        "--output",
        output,
        stdout=io.StringIO(),
    )
    sheet = load_workbook(output).worksheets[0]
    assert sheet["A3"].value == "Địa bàn: Toàn hệ thống"


def test_command_rejects_unknown_codes(db, tmp_path):
    with pytest.raises(CommandError, match="Không có xã nào mang mã 99999"):
        call_command(
            "learning_report", year=2026, commune="99999", output=str(tmp_path / "x")
        )

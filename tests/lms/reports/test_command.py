"""The learning_report command writes what the dashboard shows."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from accounts.roles import Role
from lms.recognition.constants import LearningModel
from lms.reports import presentation
from lms.reports.models import PageViewDaily

from . import data

YEAR = data.YEAR


def _dashboard_tables(client, params):
    response = client.get(reverse("reports:dashboard"), params)
    assert response.status_code == 200
    report = response.context["report"]
    return json.loads(json.dumps(presentation.as_dict(report)["tables"]))


@pytest.fixture
def world(home_page, commune, neighbour_commune, other_commune, library):
    PageViewDaily.objects.create(page=library["c"], day=f"{YEAR}-05-05", count=9)
    return data.build(
        home_page=home_page, a=commune, b=neighbour_commune, c=other_commune
    )


@pytest.mark.parametrize("level", ["commune", "province"])
def test_command_json_matches_the_dashboard(
    client, make_officer, world, tmp_path, level
):
    role = Role.COMMUNE_OFFICER if level == "commune" else Role.PROVINCE_OFFICER
    client.force_login(make_officer(role, world.a))
    code = world.a.code if level == "commune" else world.a.province.code
    output = tmp_path / "r.json"
    call_command(
        "learning_report",
        f"--year={YEAR}",
        f"--{level}={code}",
        "--format=json",
        f"--output={output}",
        stdout=io.StringIO(),
    )
    written = json.loads(output.read_text())
    assert written["year"] == YEAR
    assert written["area_codes"] == {level: code}
    with translation.override("vi"):
        assert written["tables"] == _dashboard_tables(client, {"year": YEAR})
    by_key = {table["key"]: table for table in written["tables"]}
    with translation.override("vi"):
        citizen = str(LearningModel.CITIZEN.label)
    assert by_key["recognition"]["rows"][0][:5] == [citizen, 4, 4, 2, 1]


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
    assert sheet["A7"].value == "Đơn vị báo cáo: Toàn hệ thống"


def test_command_rejects_unknown_codes(db, tmp_path):
    with pytest.raises(CommandError, match="Không có xã nào mang mã 99999"):
        call_command(
            "learning_report", year=2026, commune="99999", output=str(tmp_path / "x")
        )

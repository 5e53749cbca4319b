"""Reports in the official layout: every XLSX sheet and the print view carry the
national header, the form number, title, reporting unit, period, date of making and
the two signatures, and stay machine-readable (one header row, nothing merged in the
data, numbers as numbers)."""

import datetime
import io
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.roles import Role
from lms.official_layout import date_words, place_and_date
from lms.reports import official
from lms.reports.exports import HEADER_ROW, NUMBER_FORMATS

from . import data

NATION = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@pytest.fixture
def officer_client(client, make_officer, commune):
    client.force_login(make_officer(Role.COMMUNE_OFFICER, commune))
    return client


@pytest.fixture
def workbook(officer_client, home_page, commune, neighbour_commune, other_commune):
    data.build(home_page=home_page, a=commune, b=neighbour_commune, c=other_commune)
    response = officer_client.get(
        reverse("reports:export", args=["xlsx"]), {"year": data.YEAR}
    )
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def _data_rows(sheet) -> list[int]:
    rows, row = [], HEADER_ROW + 1
    while any(c.value is not None for c in sheet[row]):
        rows.append(row)
        row += 1
    return rows


def test_every_sheet_is_a_form_with_a_short_whole_word_name(workbook):
    expected = [form.sheet_name for form in official.FORMS.values()]
    assert workbook.sheetnames == expected  # a commune report has all nine forms
    assert len(set(workbook.sheetnames)) == len(workbook.sheetnames)
    for name in workbook.sheetnames:
        assert len(name) <= 31
        number, short = name.split(" ", 1)
        assert official.FORMS_BY_NUMBER[number].short_name == short


def test_every_sheet_has_the_heading_block(workbook, commune):
    today = timezone.localdate()
    for sheet in workbook.worksheets:
        number = sheet.title.split(" ")[0]
        values = {
            c.value for row in sheet.iter_rows(max_row=10) for c in row if c.value
        }
        assert {NATION, MOTTO, "XÃ TẢ VAN", "TỈNH LÀO CAI"} <= values
        assert f"Biểu số {number}/HTSĐ" in values
        assert f"BÁO CÁO HỌC TẬP SUỐT ĐỜI NĂM {data.YEAR}" in values
        assert f"Đơn vị báo cáo: {commune.name}, {commune.province.name}" in values
        assert (
            f"Kỳ báo cáo: Năm {data.YEAR} (từ ngày 01/01/{data.YEAR} đến ngày "
            f"31/12/{data.YEAR})"
        ) in values
        assert any(
            str(v).startswith(f"Ngày lập biểu: {today:%d/%m/%Y}") for v in values
        )
        assert any(str(v).startswith("Đơn vị tính: ") for v in values)
        motto = next(
            c for row in sheet.iter_rows(max_row=2) for c in row if c.value == MOTTO
        )
        assert motto.font.b and motto.font.u == "single"  # tiêu ngữ underlined


def test_every_sheet_has_the_signature_block_under_the_data(workbook):
    today = timezone.localdate()
    for sheet in workbook.worksheets:
        last_data = (_data_rows(sheet) or [HEADER_ROW])[-1]
        last_column = sheet.max_column
        signatures = last_data + 3
        assert sheet.cell(row=signatures - 1, column=last_column).value == (
            f"Tả Van, {date_words(today)}"
        )
        assert sheet.cell(row=signatures, column=1).value == "Người lập biểu"
        assert sheet.cell(row=signatures, column=last_column).value == (
            "Thủ trưởng đơn vị"
        )
        assert sheet.cell(row=signatures + 1, column=1).value == "(Ký, ghi rõ họ tên)"
        assert sheet.cell(row=signatures + 1, column=last_column).value == (
            "(Ký, ghi rõ họ tên, đóng dấu)"
        )


def test_sheets_stay_machine_readable(workbook):
    assert _data_rows(workbook["01 Mô hình học tập"])
    for sheet in workbook.worksheets:
        # Merged cells only in the heading block above the header row.
        assert sheet.merged_cells.ranges
        assert all(r.max_row < HEADER_ROW for r in sheet.merged_cells.ranges)
        # Exactly one header row: a blank row above, text in every column.
        assert all(c.value is None for c in sheet[HEADER_ROW - 1])
        headers = [c.value for c in sheet[HEADER_ROW]]
        assert all(isinstance(h, str) and h for h in headers)
        for row in _data_rows(sheet):
            for cell in sheet[row][1:]:
                if cell.number_format in NUMBER_FORMATS.values():
                    assert cell.value is None or isinstance(cell.value, int | float)
        assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
        assert sheet.freeze_panes == f"B{HEADER_ROW + 1}"


def test_a_village_report_keeps_the_commune_numbers_of_its_forms():
    assert official.form_for("trend").label == "Biểu số 08/HTSĐ"
    numbers = [form.number for form in official.FORMS.values()]
    assert numbers == [f"{n:02d}" for n in range(1, len(numbers) + 1)]


def test_dates_and_period_in_the_official_wording():
    assert date_words(datetime.date(2026, 12, 5)) == "ngày 05 tháng 12 năm 2026"
    assert date_words(datetime.date(2026, 2, 14)) == "ngày 14 tháng 02 năm 2026"
    assert date_words(datetime.date(2026, 3, 1)) == "ngày 01 tháng 3 năm 2026"
    assert place_and_date("Xã Tả Van", datetime.date(2026, 12, 5)) == (
        "Tả Van, ngày 05 tháng 12 năm 2026"
    )
    today = datetime.date(2026, 12, 3)
    assert official.reporting_period(2026, today) == (
        "Năm 2026 (từ ngày 01/01/2026 đến ngày 03/12/2026)"
    )
    assert official.reporting_period(2025, today) == (
        "Năm 2025 (từ ngày 01/01/2025 đến ngày 31/12/2025)"
    )


@pytest.mark.django_db
def test_print_view_has_the_same_layout_in_vietnamese(officer_client, commune):
    today = timezone.localdate()
    html = officer_client.get(
        reverse("reports:print"), {"year": today.year}, HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    for part in (
        NATION,
        MOTTO,
        "TỈNH LÀO CAI",
        "XÃ TẢ VAN",
        "Biểu số 01–09/HTSĐ",
        "Biểu số 01/HTSĐ",
        "Biểu số 09/HTSĐ",
        f"BÁO CÁO HỌC TẬP SUỐT ĐỜI NĂM {today.year}",
        f"{commune.name}, {commune.province.name}",
        f"Năm {today.year} (từ ngày 01/01/{today.year}",
        f"Tả Van, {date_words(today)}",
        "Người lập biểu",
        "Thủ trưởng đơn vị",
        "(Ký, ghi rõ họ tên, đóng dấu)",
        'class="sign-space"',
    ):
        assert part in html, part
    assert html.count("<thead>") == html.count('class="print-form"')  # one per form
    assert '<html lang="vi">' in html


def test_print_stylesheet_sets_the_official_page():
    css = Path(finders.find("reports/print.css")).read_text(encoding="utf-8")
    assert "@page { size: A4; margin: 20mm 15mm 20mm 30mm; }" in css
    assert "thead { display: table-header-group; }" in css  # header row per page
    assert ".print-motto" in css and "border-bottom" in css

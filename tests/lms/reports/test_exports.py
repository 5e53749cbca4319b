"""XLSX and CSV exports opened as an officer's spreadsheet program would."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.roles import Role
from lms.reports.exports import HEADER_ROW
from lms.reports.models import PageViewDaily

from . import data


@pytest.fixture
def officer_client(client, make_officer, commune):
    client.force_login(make_officer(Role.COMMUNE_OFFICER, commune))
    return client


@pytest.fixture
def year(library):
    year = timezone.localdate().year
    PageViewDaily.objects.create(page=library["a"], day=f"{year}-02-03", count=41)
    return year


def test_xlsx_library_table_cell_by_cell(officer_client, commune, year):
    response = officer_client.get(
        reverse("reports:export", args=["xlsx"]), {"year": year, "table": "library"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="bao-cao-{year}-{commune.code}-library.xlsx"'
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["09 Thư viện tài nguyên mở"]
    sheet = book.active
    today = timezone.localdate()
    assert sheet["A1"].value == "TỈNH LÀO CAI"
    assert sheet["A2"].value == "XÃ TẢ VAN"
    assert sheet["A3"].value == "Biểu số 09/HTSĐ"
    assert sheet["B1"].value == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert sheet["B2"].value == "Độc lập - Tự do - Hạnh phúc"
    assert sheet["A5"].value == f"BÁO CÁO HỌC TẬP SUỐT ĐỜI NĂM {year}"
    assert sheet["A6"].value == "Thư viện tài nguyên mở: số tài liệu và lượt xem"
    assert sheet["A7"].value == (
        f"Đơn vị báo cáo: {commune.name}, {commune.province.name}"
    )
    assert sheet["A8"].value.startswith(f"Kỳ báo cáo: Năm {year} (từ ngày 01/01/")
    assert sheet["A9"].value.startswith("Ngày lập biểu: " + today.strftime("%d/%m/%Y"))
    assert sheet["A10"].value == "Đơn vị tính: tài liệu; lượt xem"
    assert sheet["A11"].value is None
    assert [c.value for c in sheet[HEADER_ROW]] == [
        "Cơ sở đóng góp",
        "Giấy phép",
        "Số tài liệu",
        "Lượt xem trong năm",
    ]
    assert [c.value for c in sheet[13]] == ["Đại học Huế", "CC BY", 2, 41]
    assert [c.value for c in sheet[14]] == ["Đại học Thái Nguyên", "CC BY-SA", 1, 0]
    assert [c.value for c in sheet[15]] == [None] * 4  # the data ends here
    assert isinstance(sheet["C13"].value, int)
    assert sheet["D13"].number_format == "#,##0"


def test_xlsx_headers_are_vietnamese_whatever_the_language(
    officer_client, year, settings
):
    response = officer_client.get(
        reverse("reports:export", args=["xlsx"]),
        {"year": year, "table": "library"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=HEADER_ROW, column=3).value == "Số tài liệu"


def test_csv_is_utf8_with_bom(officer_client, commune, year):
    response = officer_client.get(
        reverse("reports:export", args=["csv"]), {"year": year, "table": "library"}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [f"Báo cáo học tập suốt đời năm {year}"]
    assert rows[2] == [f"Địa bàn: {commune.name}, {commune.province.name}"]
    assert rows[7] == [
        "Cơ sở đóng góp",
        "Giấy phép",
        "Số tài liệu",
        "Lượt xem trong năm",
    ]
    assert rows[8:] == [
        ["Đại học Huế", "CC BY", "2", "41"],
        ["Đại học Thái Nguyên", "CC BY-SA", "1", "0"],
    ]


def test_unknown_table_is_404(officer_client, year):
    url = reverse("reports:export", args=["xlsx"])
    assert officer_client.get(url, {"table": "nope"}).status_code == 404
    assert officer_client.get(reverse("reports:export", args=["pdf"])).status_code == (
        404
    )


def test_xlsx_recognition_table_numbers_are_numbers(
    officer_client, home_page, commune, neighbour_commune, other_commune
):
    data.build(home_page=home_page, a=commune, b=neighbour_commune, c=other_commune)
    response = officer_client.get(
        reverse("reports:export", args=["xlsx"]),
        {"year": data.YEAR, "table": "learning_by_area"},
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A10"].value == (
        "Đơn vị tính: lượt ghi danh; khoá học; %; giờ; lượt người"
    )
    assert [c.value for c in sheet[HEADER_ROW]] == [
        "Thôn",
        "Số lượt ghi danh",
        "Số khoá học hoàn thành",
        "Tỷ lệ hoàn thành của lượt ghi danh trong năm (%)",
        "Giờ học trực tuyến",
        "Giờ học trực tiếp",
        "Lượt người dự lớp",
    ]
    assert [c.value for c in sheet[13]] == ["Thôn Hai", 0, 1, None, 0, 0, 0]
    assert [c.value for c in sheet[14]] == ["Thôn Một", 2, 1, 50, 1.5, 3.5, 2]
    assert [c.value for c in sheet[15]] == [
        "Chưa ghi nhận hoặc nơi khác",
        1,
        1,
        100,
        2,
        2,
        1,
    ]
    assert [c.value for c in sheet[16]] == ["Tổng cộng", 3, 3, 66.7, 3.5, 5.5, 3]
    assert [c.value for c in sheet[17]] == [None] * 7
    assert sheet["D16"].number_format == "0.0"
    assert sheet["E16"].number_format == "#,##0.0"
    assert isinstance(sheet["B16"].value, int)


def test_csv_of_all_tables_has_a_title_block_per_table(officer_client):
    response = officer_client.get(
        reverse("reports:export", args=["csv"]), {"year": data.YEAR}
    )
    text = response.content.decode("utf-8-sig")
    assert text.count("Báo cáo học tập suốt đời năm 2025") == 9  # one per table
    assert "Bảng: Thư viện tài nguyên mở: số tài liệu và lượt xem" in text


FORMULA_TOPIC = '=HYPERLINK("https://evil.example/","Bấm vào đây")'


@pytest.fixture
def formula_session(commune, resident):
    from decimal import Decimal

    from cms.models import Centre
    from lms.models import Attendance, ClassSession

    centre = Centre.objects.create(commune=commune, name="TTHTCĐ Tả Van")
    for topic in (FORMULA_TOPIC, "-5 bài", "@Trồng lúa"):
        session = ClassSession.objects.create(
            centre=centre,
            topic=topic,
            date=timezone.localdate(),
            hours=Decimal("2.0"),
        )
        Attendance.objects.create(
            session=session, learner=resident, present=True, commune=commune
        )
    return timezone.localdate().year


def test_formula_typed_as_a_topic_is_neutralised_in_xlsx(
    officer_client, formula_session
):
    response = officer_client.get(
        reverse("reports:export", args=["xlsx"]),
        {"year": formula_session, "table": "classes"},
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [
        row
        for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)
        if row[1] is not None  # leave out the signatures under the data
    ]
    topics = {row[0] for row in cells}
    assert "'" + FORMULA_TOPIC in topics
    assert {"'-5 bài", "'@Trồng lúa"} <= topics
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    # Numbers stay numbers.
    assert all(isinstance(row[1], int) for row in cells)


def test_formula_typed_as_a_topic_is_neutralised_in_csv(
    officer_client, formula_session
):
    response = officer_client.get(
        reverse("reports:export", args=["csv"]),
        {"year": formula_session, "table": "classes"},
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    topics = {row[0] for row in rows[8:]}
    assert "'" + FORMULA_TOPIC in topics
    assert not any(
        cell.startswith(("=", "+", "-", "@", "\t", "\r"))
        for row in rows
        for cell in row
    )

"""Reading manifests: CSV (comma or semicolon) and XLSX, with row numbers."""

import io

import pytest
from openpyxl import Workbook

from cms.bulk_upload.manifest import ManifestError, read_manifest

HEADER = "title,licence,summary,files,publication_year"
LIMITS = {"max_rows": 500, "max_bytes": 8 * 1024**2}


def test_csv_rows_keep_their_spreadsheet_numbers_and_skip_blank_rows():
    data = (
        f"{HEADER}\nMột,CC-BY-4.0,Tóm tắt,a.pdf,2020\n,,,,\nHai,CC0-1.0,Tóm tắt,b.pdf,"
    ).encode()
    rows = read_manifest("manifest.csv", data, **LIMITS)
    assert [row.number for row in rows] == [2, 4]
    assert rows[0].values["title"] == "Một"
    assert rows[1].values["publication_year"] == ""


def test_csv_with_semicolons_and_a_byte_order_mark():
    data = "\ufefftitle;licence;summary;files\nMột;CC-BY-4.0;Tóm tắt;a.pdf\n".encode()
    rows = read_manifest("Manifest.CSV", data, **LIMITS)
    assert rows[0].values == {
        "title": "Một",
        "licence": "CC-BY-4.0",
        "summary": "Tóm tắt",
        "files": "a.pdf",
    }


def test_xlsx_numbers_become_plain_text():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Title", "Licence", "Summary", "Files", "Publication_Year"])
    sheet.append(["Một", "CC-BY-4.0", "Tóm tắt", "a.pdf", 2021])
    buffer = io.BytesIO()
    workbook.save(buffer)
    rows = read_manifest("manifest.xlsx", buffer.getvalue(), **LIMITS)
    assert rows[0].number == 2
    assert rows[0].values["publication_year"] == "2021"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("manifest.txt", b"x", "phải là tệp .csv hoặc .xlsx"),
        ("manifest.csv", b"title,summary\nA,B\n", "licence"),
        ("manifest.csv", f"{HEADER}\n".encode(), "không có dòng"),
        ("manifest.csv", "title".encode("utf-16"), "UTF-8"),
        ("manifest.xlsx", b"not a workbook", "không mở được"),
    ],
)
def test_unreadable_manifests_are_refused_with_a_vietnamese_reason(name, data, message):
    with pytest.raises(ManifestError) as error:
        read_manifest(name, data, **LIMITS)
    assert message in str(error.value)


def test_xlsx_formula_cells_are_read_as_their_formula_not_their_value():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Title", "Licence", "Summary", "Files"])
    sheet.append(['=HYPERLINK("https://evil.example/","Một")', "CC-BY-4.0", "-", "a"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    [row] = read_manifest("manifest.xlsx", buffer.getvalue(), **LIMITS)
    assert row.values["title"].startswith("=HYPERLINK(")

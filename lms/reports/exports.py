"""Report tables as XLSX (openpyxl) and CSV files officers can send upward.

Every XLSX sheet is one form in the official layout (`official.py`): the heading
block (reporting unit, form number, quốc hiệu and tiêu ngữ, title, table, reporting
unit, period, date of making, units), then one header row and the data, then the
place and date and the two signatures. Only the heading block above the header row
has merged cells; below it a program reads a plain table: one header row, numbers
as numbers, nothing merged. Each sheet is named after its form (`Form.sheet_name`).
Every CSV table opens with a short title block. Headers are Vietnamese whatever the
language of the request. CSV is UTF-8 with a byte-order mark so that Excel shows the
diacritics. Text that could start a formula is neutralised (`cms.spreadsheet`).
"""

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from cms.spreadsheet import neutralise, neutralise_row
from lms.official_layout import (
    HEAD_OF_UNIT,
    HEAD_OF_UNIT_HINT,
    MOTTO,
    NATION,
    PREPARED_BY,
    PREPARED_BY_HINT,
)

from . import official
from .figures import Report

INT, FLOAT, PERCENT, TEXT, DATE = "int", "float", "percent", "text", "date"
NUMBER_FORMATS = {INT: "#,##0", FLOAT: "#,##0.0", PERCENT: "0.0", DATE: "dd/mm/yyyy"}
HEADER_ROW = 12  # the heading block takes rows 1–10, then one blank row


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = INT


@dataclass(frozen=True)
class Table:
    """One table of a report, as shown on the dashboard and exported."""

    key: str
    title: str
    unit: str
    columns: tuple[Column, ...]
    rows: tuple[tuple, ...]


def report_title(report: Report) -> str:
    return _("Lifelong learning report, year %(year)s") % {"year": report.year}


def title_block(report: Report, table: Table) -> list[list]:
    extracted = timezone.localtime(report.generated_at).strftime("%d/%m/%Y %H:%M")
    return [
        [report_title(report)],
        [_("Table: %(title)s") % {"title": table.title}],
        [_("Area: %(area)s") % {"area": report.area_label}],
        [_("Year: %(year)s") % {"year": report.year}],
        [_("Extracted on: %(date)s") % {"date": extracted}],
        [_("Units: %(unit)s") % {"unit": table.unit}],
    ]


def _split(columns: int) -> int:
    """How many columns the left half of the heading spans (the unit, the form);
    the right half, wide enough for the quốc hiệu, takes the rest."""
    return 1 if columns <= 4 else columns // 3


def _heading_rows(
    sheet, heading: official.Heading, table: Table, form_label: str, lines
) -> None:
    """Rows 1–10; the only merged cells of the sheet."""
    last = len(table.columns)
    left = _split(last)
    pairs = [
        (heading.parent, Font(size=12), NATION, Font(bold=True, size=12)),
        (
            heading.unit,
            Font(bold=True, size=12),
            MOTTO,
            Font(bold=True, size=13, underline="single"),
        ),
        (form_label, Font(size=12), "", Font()),
    ]
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row, (left_text, left_font, right_text, right_font) in enumerate(pairs, 1):
        sheet.cell(row=row, column=1, value=neutralise(left_text) or None)
        sheet.cell(row=row, column=1).font = left_font
        sheet.cell(row=row, column=left + 1, value=right_text or None)
        sheet.cell(row=row, column=left + 1).font = right_font
        for start, end in ((1, left), (left + 1, last)):
            sheet.cell(row=row, column=start).alignment = centred
            if end > start:
                sheet.merge_cells(
                    start_row=row, start_column=start, end_row=row, end_column=end
                )
    titles = ((5, heading.title, 14), (6, table.title, 12))
    for row, text, size in titles:
        sheet.cell(row=row, column=1, value=neutralise(text)).font = Font(
            bold=True, size=size
        )
        sheet.cell(row=row, column=1).alignment = centred
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    for row, text in enumerate(lines, start=7):
        sheet.cell(row=row, column=1, value=neutralise(text))
    sheet.row_dimensions[1].height = sheet.row_dimensions[2].height = 18


def _report_lines(heading: official.Heading, table: Table) -> tuple[str, ...]:
    """Rows 7–10 of a report's form: unit, period, date of making, units."""
    made_on = heading.made_on
    if heading.figures_of:
        made_on += f" (số liệu tổng hợp lúc {heading.figures_of})"
    return (
        f"Đơn vị báo cáo: {heading.reporting_unit}",
        f"Kỳ báo cáo: {heading.period}",
        f"Ngày lập biểu: {made_on}",
        _("Units: %(unit)s") % {"unit": table.unit},
    )


def _signature_rows(sheet, heading: official.Heading, columns: int) -> None:
    """Place and date, then the two signatures, under the data: plain cells
    (nothing merged below the header row), centred over their own column."""
    first = sheet.max_row + 2
    last = columns
    centred = Alignment(horizontal="center")
    rows = (
        (first, None, heading.place_date, Font(italic=True)),
        (first + 1, PREPARED_BY, HEAD_OF_UNIT, Font(bold=True)),
        (first + 2, PREPARED_BY_HINT, HEAD_OF_UNIT_HINT, Font(italic=True)),
    )
    for row, left_text, right_text, font in rows:
        for column, text in ((1, left_text), (last, right_text)):
            if text:
                cell = sheet.cell(row=row, column=column, value=text)
                cell.font, cell.alignment = font, centred


def _page_setup(sheet, columns: int) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if columns > 5 else "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"  # repeated on every page


def official_sheet(
    book: Workbook,
    *,
    name: str,
    heading: official.Heading,
    table: Table,
    form_label: str = "",
    lines: Sequence[str] = (),
) -> None:
    """Add one sheet in the official layout: the heading block (with up to four
    ``lines`` under the titles), one header row, the data, the signatures. Other
    registers (the recognition decisions) are written with it too."""
    if len(lines) > HEADER_ROW - 8:
        raise ValueError("The heading block has room for four lines.")
    sheet = book.create_sheet(name)
    _heading_rows(sheet, heading, table, form_label, lines)
    for index, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=neutralise(column.header))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in table.rows:
        sheet.append(neutralise_row(row))
        for column, cell in zip(table.columns, sheet[sheet.max_row], strict=True):
            if column.kind in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[column.kind]
    _signature_rows(sheet, heading, len(table.columns))
    for index, column in enumerate(table.columns, start=1):
        width = 34 if column.kind == TEXT else 16
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=2)
    _page_setup(sheet, len(table.columns))


def to_xlsx(report: Report, tables: Sequence[Table]) -> bytes:
    """A workbook with one sheet per table, each a form in the official layout."""
    with translation.override("vi"):
        heading = official.heading(report, title=report_title(report))
        book = Workbook()
        book.remove(book.active)
        for table in tables:
            form = official.form_for(table.key)
            official_sheet(
                book,
                name=form.sheet_name,
                heading=heading,
                table=table,
                form_label=form.label,
                lines=_report_lines(heading, table),
            )
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()


def to_csv(report: Report, tables: Sequence[Table]) -> bytes:
    """UTF-8 with BOM; several tables follow each other, each with its title block."""
    with translation.override("vi"):
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\r\n")
        for index, table in enumerate(tables):
            if index:
                writer.writerow([])
            writer.writerows(
                neutralise_row(line) for line in title_block(report, table)
            )
            writer.writerow([])
            writer.writerow(neutralise_row(column.header for column in table.columns))
            for row in table.rows:
                writer.writerow(
                    neutralise_row("" if value is None else value for value in row)
                )
        return text.getvalue().encode("utf-8-sig")

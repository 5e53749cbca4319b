"""Report tables as XLSX (openpyxl) and CSV files officers can send upward.

Every sheet and file opens with a title block: the report title, the table, the
area, the year, the date of extraction and the units. Headers are Vietnamese
whatever the language of the request; numbers are written as numbers. CSV is UTF-8
with a byte-order mark so that Excel shows the diacritics. Text that could start a
formula is neutralised (`cms.spreadsheet`).
"""

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from cms.spreadsheet import neutralise_row

from .figures import Report

INT, FLOAT, PERCENT, TEXT = "int", "float", "percent", "text"
NUMBER_FORMATS = {INT: "#,##0", FLOAT: "#,##0.0", PERCENT: "0.0"}
HEADER_ROW = 8  # the title block takes rows 1–6, then one blank row


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


def _sheet_name(title: str, used: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", " ", title)[:31].strip()
    base, n = name, 2
    while name in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name


def to_xlsx(report: Report, tables: Sequence[Table]) -> bytes:
    """A workbook with one sheet per table."""
    with translation.override("vi"):
        book = Workbook()
        book.remove(book.active)
        used: set[str] = set()
        for table in tables:
            sheet = book.create_sheet(_sheet_name(table.title, used))
            for line in title_block(report, table):
                sheet.append(neutralise_row(line))
            sheet["A1"].font = Font(bold=True, size=14)
            sheet["A2"].font = Font(bold=True)
            sheet.append([])
            sheet.append(neutralise_row(column.header for column in table.columns))
            for cell in sheet[HEADER_ROW]:
                cell.font = Font(bold=True)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            for row in table.rows:
                sheet.append(neutralise_row(row))
                for column, cell in zip(
                    table.columns, sheet[sheet.max_row], strict=True
                ):
                    if column.kind in NUMBER_FORMATS:
                        cell.number_format = NUMBER_FORMATS[column.kind]
            for index, column in enumerate(table.columns, start=1):
                width = 34 if column.kind == TEXT else 16
                sheet.column_dimensions[get_column_letter(index)].width = width
            sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=2)
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

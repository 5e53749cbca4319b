"""Reading a CSV or XLSX manifest into rows of text, with their row numbers."""

import contextlib
import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import load_workbook

COLUMNS = (
    "title",
    "original_title",
    "language",
    "original_language",
    "licence",
    "translators",
    "subjects",
    "summary",
    "source",
    "source_url",
    "publication_year",
    "files",
)
REQUIRED_COLUMNS = ("title", "licence", "summary", "files")
MAX_ROWS = 500


class ManifestError(ValueError):
    """The manifest as a whole cannot be read; the message is for the uploader."""


@dataclass(frozen=True)
class ManifestRow:
    number: int  # as the spreadsheet shows it: the header is row 1
    values: dict[str, str]


def read_manifest(name: str, data: bytes) -> list[ManifestRow]:
    """Rows of a .csv or .xlsx manifest; blank rows are skipped."""
    lower = name.lower()
    if lower.endswith(".csv"):
        table = _csv_table(data)
    elif lower.endswith(".xlsx"):
        table = _xlsx_table(data)
    else:
        raise ManifestError(
            _("The manifest must be a .csv or .xlsx file, not “%(name)s”.")
            % {"name": name}
        )
    return rows_from_table(table)


def rows_from_table(table: list[list[str]]) -> list[ManifestRow]:
    if not table:
        raise ManifestError(_("The manifest is empty."))
    header = [cell.strip().lower() for cell in table[0]]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ManifestError(
            _("The manifest lacks the column(s): %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    rows = []
    for offset, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        values = {
            column: (cells[index].strip() if index < len(cells) else "")
            for index, column in enumerate(header)
            if column in COLUMNS
        }
        rows.append(ManifestRow(number=offset, values=values))
    if not rows:
        raise ManifestError(_("The manifest has no rows below its header."))
    if len(rows) > MAX_ROWS:
        raise ManifestError(
            _("The manifest has %(count)s rows; at most %(max)s are accepted at once.")
            % {"count": len(rows), "max": MAX_ROWS}
        )
    return rows


def _csv_table(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ManifestError(
            _("The CSV manifest must be saved as UTF-8 text.")
        ) from error
    dialect = csv.excel
    with contextlib.suppress(csv.Error):
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    return [list(row) for row in csv.reader(io.StringIO(text), dialect)]


def _xlsx_table(data: bytes) -> list[list[str]]:
    try:
        # Formulas are read as their text ("=..."), never their cached value, so that
        # validation refuses them instead of keeping a value nobody typed.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ManifestError(_("The XLSX manifest cannot be opened.")) from error
    sheet = workbook.worksheets[0]
    table = [
        ["" if cell is None else _cell_text(cell) for cell in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    workbook.close()
    return table


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

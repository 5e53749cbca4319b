"""Reading a CSV or XLSX manifest into rows of text, with their row numbers.

Both formats are read row by row and refused at the first row over the limit, so a
manifest of a million rows costs no more memory or time than one of `max_rows`.
"""

import contextlib
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

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
# A CSV line longer than this is not a manifest row (csv's own cap is per field).
MAX_LINE_CHARS = 1024 * 1024
# Worksheets are streamed; every other part of an XLSX (shared strings, styles) is
# loaded whole by openpyxl, so their expanded size is capped.
_WORKSHEET = re.compile(r"^xl/worksheets/sheet\d+\.xml$")


class ManifestError(ValueError):
    """The manifest as a whole cannot be read; the message is for the uploader."""


@dataclass(frozen=True)
class ManifestRow:
    number: int  # as the spreadsheet shows it: the header is row 1
    values: dict[str, str]


def read_manifest(
    name: str,
    source: bytes | IO[bytes],
    *,
    max_rows: int,
    max_bytes: int,
) -> list[ManifestRow]:
    """Rows of a .csv or .xlsx manifest; blank rows are skipped."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    lower = name.lower()
    if lower.endswith(".csv"):
        table = _csv_table(stream)
    elif lower.endswith(".xlsx"):
        table = _xlsx_table(stream, max_bytes=max_bytes)
    else:
        raise ManifestError(
            _("The manifest must be a .csv or .xlsx file, not “%(name)s”.")
            % {"name": name}
        )
    with contextlib.closing(table):
        return rows_from_table(table, max_rows=max_rows)


def rows_from_table(table: Iterator[list[str]], *, max_rows: int) -> list[ManifestRow]:
    header_cells = next(table, None)
    if header_cells is None:
        raise ManifestError(_("The manifest is empty."))
    header = [cell.strip().lower() for cell in header_cells]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ManifestError(
            _("The manifest lacks the column(s): %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    rows = []
    for offset, cells in enumerate(table, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) == max_rows:
            raise ManifestError(
                _(
                    "The manifest has more than %(max)s rows (row %(row)s is one too "
                    "many); send at most %(max)s at once."
                )
                % {"max": max_rows, "row": offset}
            )
        values = {
            column: (cells[index].strip() if index < len(cells) else "")
            for index, column in enumerate(header)
            if column in COLUMNS
        }
        rows.append(ManifestRow(number=offset, values=values))
    if not rows:
        raise ManifestError(_("The manifest has no rows below its header."))
    return rows


def _csv_table(stream: IO[bytes]) -> Iterator[list[str]]:
    text = io.TextIOWrapper(_raw(stream), encoding="utf-8-sig", newline="")
    try:
        header = _line(text)
        # The header names the columns: its most frequent separator is the file's.
        delimiter = max(",;\t", key=header.count)
        yield from csv.reader(_lines(text, first=header), delimiter=delimiter)
    except UnicodeDecodeError as error:
        raise ManifestError(
            _("The CSV manifest must be saved as UTF-8 text.")
        ) from error
    except csv.Error as error:
        raise ManifestError(_("The CSV manifest cannot be read.")) from error
    finally:
        text.detach()


def _lines(text: io.TextIOWrapper, *, first: str) -> Iterator[str]:
    line = first
    while line:
        yield line
        line = _line(text)


def _line(text: io.TextIOWrapper) -> str:
    line = text.readline(MAX_LINE_CHARS)
    if len(line) == MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
        raise ManifestError(_("A line of the CSV manifest is too long."))
    return line


class _StreamedSheet(ReadOnlyWorksheet):
    """openpyxl's read-only sheet without its size scan.

    On opening, openpyxl parses a whole sheet that lacks a <dimension> element (as
    its own write-only files do) to learn its size; rows are counted while they
    stream here instead.
    """

    def _get_size(self):
        pass


def _first_sheet_rows(stream: IO[bytes]) -> Iterator[tuple]:
    """What load_workbook(read_only=True) does, for the first worksheet alone."""
    reader = ExcelReader(stream, read_only=True, data_only=False)
    try:
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        sheet, rel = next(iter(reader.parser.find_sheets()))
        worksheet = _StreamedSheet(
            reader.wb, sheet.name, rel.target, reader.shared_strings
        )
        yield from worksheet.iter_rows(values_only=True)
    finally:
        reader.archive.close()


def _xlsx_table(stream: IO[bytes], *, max_bytes: int) -> Iterator[list[str]]:
    stream = _raw(stream)
    try:
        with zipfile.ZipFile(stream) as package:
            # Declared sizes bound what zipfile will ever expand (it stops there).
            loaded_whole = sum(
                info.file_size
                for info in package.infolist()
                if not _WORKSHEET.match(info.filename)
            )
    except Exception as error:
        raise ManifestError(_("The XLSX manifest cannot be opened.")) from error
    if loaded_whole > max_bytes:
        raise ManifestError(
            _("The XLSX manifest is too large (over %(size)s of text).")
            % {"size": filesizeformat(max_bytes)}
        )
    stream.seek(0)
    try:
        # Formulas are read as their text ("=..."), never their cached value, so that
        # validation refuses them instead of keeping a value nobody typed.
        rows = _first_sheet_rows(stream)
        with contextlib.closing(rows):
            for row in rows:
                yield ["" if cell is None else _cell_text(cell) for cell in row]
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ManifestError(_("The XLSX manifest cannot be opened.")) from error


def _raw(stream):
    """The file object under Django's File wrapper, which io.TextIOWrapper needs."""
    inner = getattr(stream, "file", stream)
    inner.seek(0)
    return inner


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

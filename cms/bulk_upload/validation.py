"""Checking manifest rows against the library: pure functions over a snapshot.

Each row becomes either a `ResourceDraft` ready to save or a list of reasons, in
Vietnamese, why it cannot be saved. One bad row never stops the others.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from cms.spreadsheet import holds_formula
from cms.text import fold

from .manifest import ManifestRow

LANGUAGE_NAMES = {
    "vi": ("vi", "tieng viet", "viet", "vietnamese"),
    "en": ("en", "tieng anh", "anh", "english"),
    "fr": ("fr", "tieng phap", "phap", "french"),
    "zh": ("zh", "tieng trung", "trung", "tieng hoa", "chinese"),
    "hmn": ("hmn", "tieng hmong", "tieng mong", "hmong", "mong"),
    "tyz": ("tyz", "tieng tay", "tay"),
    "tha": ("tha", "tieng thai", "thai"),
    "km": ("km", "tieng khmer", "khmer"),
    "other": ("other", "khac"),
}
_LANGUAGE_LOOKUP = {
    name: code for code, names in LANGUAGE_NAMES.items() for name in names
}
_LIST_SEPARATOR = re.compile(r"[;\n]")
MIN_YEAR = 1800


@dataclass(frozen=True)
class Library:
    """What a manifest is checked against, fetched once per upload."""

    licences: dict[str, int]  # licence_key(code or name) -> id
    subjects: dict[str, int]  # fold(name) and slug -> id
    existing_titles: frozenset[str]  # fold(title) of pages already in the section
    file_names: frozenset[str]  # base names of the files in the ZIP
    allowed_extensions: frozenset[str]
    current_year: int
    max_files_per_row: int = 10


@dataclass(frozen=True)
class ResourceDraft:
    title: str
    original_title: str
    language: str
    original_language: str
    licence_id: int
    translators: tuple[str, ...]
    subject_ids: tuple[int, ...]
    summary: str
    source: str
    source_url: str
    publication_year: int | None
    files: tuple[str, ...]


@dataclass
class RowResult:
    number: int
    title: str
    errors: list[str] = field(default_factory=list)
    draft: ResourceDraft | None = None
    page_id: int | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


def licence_key(text: str) -> str:
    """ "CC-BY-4.0", "cc by 4.0" and "CC BY 4.0" give the same key."""
    return fold(text).replace(" ", "")


def split_list(text: str) -> list[str]:
    return [item.strip() for item in _LIST_SEPARATOR.split(text) if item.strip()]


def parse_language(text: str) -> str | None:
    return _LANGUAGE_LOOKUP.get(fold(text))


def validate_rows(rows: list[ManifestRow], library: Library) -> list[RowResult]:
    """One result per row, in order; a title repeated in the file fails the repeat."""
    seen_titles: dict[str, int] = {}
    results = []
    for row in rows:
        result = validate_row(row, library)
        key = fold(result.title)
        if key and key in seen_titles:
            result.errors.append(
                _("The title repeats row %(row)s of this file.")
                % {"row": seen_titles[key]}
            )
            result.draft = None
        elif key:
            seen_titles[key] = row.number
        results.append(result)
    return results


def validate_row(row: ManifestRow, library: Library) -> RowResult:
    values = row.values
    title = values.get("title", "")
    result = RowResult(number=row.number, title=title)
    errors = result.errors

    for column, text in values.items():
        if holds_formula(text):
            errors.append(
                _("The “%(column)s” cell holds a formula; type the text itself.")
                % {"column": column}
            )
    if errors:
        # A formula's text must not reach a page, a title check or an export.
        return result

    if not title:
        errors.append(_("The title is missing."))
    elif len(title) > 255:
        errors.append(_("The title is longer than 255 characters."))
    elif fold(title) in library.existing_titles:
        errors.append(_("A resource with this title already exists in the section."))

    summary = values.get("summary", "")
    if not summary:
        errors.append(_("The summary is missing."))

    licence_text = values.get("licence", "")
    licence_id = library.licences.get(licence_key(licence_text))
    if not licence_text:
        errors.append(_("The licence is missing."))
    elif licence_id is None:
        errors.append(_("Unknown licence “%(code)s”.") % {"code": licence_text})

    language = parse_language(values.get("language", "") or "vi")
    if language is None:
        errors.append(
            _("Unknown language “%(language)s”.") % {"language": values["language"]}
        )
    original_text = values.get("original_language", "")
    original_language = parse_language(original_text) if original_text else language
    if original_language is None:
        errors.append(
            _("Unknown original language “%(language)s”.") % {"language": original_text}
        )

    subject_ids = []
    for name in split_list(values.get("subjects", "")):
        subject_id = library.subjects.get(fold(name)) or library.subjects.get(name)
        if subject_id is None:
            errors.append(_("Unknown subject “%(name)s”.") % {"name": name})
        else:
            subject_ids.append(subject_id)

    year = _parse_year(values.get("publication_year", ""), library.current_year)
    if year is False:
        errors.append(
            _("The publication year “%(year)s” is not between %(min)s and %(max)s.")
            % {
                "year": values["publication_year"],
                "min": MIN_YEAR,
                "max": library.current_year,
            }
        )

    source_url = values.get("source_url", "")
    if source_url:
        try:
            URLValidator(schemes=["http", "https"])(source_url)
        except ValidationError:
            errors.append(
                _("The source URL “%(url)s” is not a web address.")
                % {"url": source_url}
            )

    files = split_list(values.get("files", ""))
    if not files:
        errors.append(_("No file is named in the “files” column."))
    elif len(set(files)) > library.max_files_per_row:
        errors.append(
            _("The row names %(count)s files; at most %(max)s are accepted per row.")
            % {"count": len(set(files)), "max": library.max_files_per_row}
        )
    for name in files:
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if name not in library.file_names:
            errors.append(_("The file “%(name)s” is not in the ZIP.") % {"name": name})
        elif extension not in library.allowed_extensions:
            errors.append(
                _("Files of type “%(name)s” are not accepted.") % {"name": name}
            )

    if not errors:
        result.draft = ResourceDraft(
            title=title,
            original_title=values.get("original_title", ""),
            language=language,
            original_language=original_language,
            licence_id=licence_id,
            translators=tuple(split_list(values.get("translators", ""))),
            subject_ids=tuple(dict.fromkeys(subject_ids)),
            summary=summary,
            source=values.get("source", ""),
            source_url=source_url,
            publication_year=year,
            files=tuple(dict.fromkeys(files)),
        )
    return result


def _parse_year(text: str, current_year: int) -> int | None | bool:
    """None for a blank cell, the year, or False when it is not a plausible year."""
    if not text:
        return None
    try:
        year = int(text)
    except ValueError:
        return False
    return year if MIN_YEAR <= year <= current_year else False

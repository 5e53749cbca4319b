"""Reports in the official layout: the form register and the heading of a report.

The XLSX exports and the print view share these, so paper and spreadsheet say the
same. The heading follows the report forms of the education sector (biểu mẫu báo
cáo thống kê) and Nghị định 30/2020/NĐ-CP: top left the reporting unit under its
parent and the form number, top right quốc hiệu and tiêu ngữ; then the title, the
reporting unit, the period, the date of making and the units; at the foot the place
and date over two signatures, "Người lập biểu" and "Thủ trưởng đơn vị".

Form numbers: every table of the lifelong-learning report is a form
"Biểu số NN/HTSĐ" (HTSĐ: học tập suốt đời). NN is fixed per table whatever the
area (a village report, which leaves out forms 03 and 07, still numbers the others
as a commune's does), and never reused for another table; a new table takes the
next number. The sheet of an XLSX is named "NN <short name>" (at most 31
characters, whole words).
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from lms.official_layout import bare_place_name, place_and_date

from .scope import Level, Scope
from .values import Report

FORM_SERIES = "HTSĐ"
SHEET_NAME_LIMIT = 31  # Excel's limit


@dataclass(frozen=True)
class Form:
    number: str
    short_name: str  # of the sheet, whole words

    @property
    def label(self) -> str:
        return f"Biểu số {self.number}/{FORM_SERIES}"

    @property
    def sheet_name(self) -> str:
        return f"{self.number} {self.short_name}"


FORMS = {
    "recognition": Form("01", "Mô hình học tập"),
    "targets": Form("02", "Chỉ tiêu QĐ 387"),
    "recognition_by_area": Form("03", "Mô hình học tập theo địa bàn"),
    "citizens_by_group": Form("04", "Công dân học tập theo nhóm"),
    "learning_by_area": Form("05", "Học tập theo địa bàn"),
    "learning_by_group": Form("06", "Học tập theo nhóm đối tượng"),
    "classes": Form("07", "Lớp học trực tiếp"),
    "trend": Form("08", "So sánh các năm"),
    "library": Form("09", "Thư viện tài nguyên mở"),
}

FORMS_BY_NUMBER = {form.number: form for form in FORMS.values()}


def form_for(key: str) -> Form:
    return FORMS[key]


def form_range(forms) -> str:
    """The forms a printed report holds: "Biểu số 01–09/HTSĐ"."""
    numbers = [form.number for form in forms]
    if not numbers:
        return ""
    if len(numbers) == 1:
        return forms[0].label
    return f"Biểu số {numbers[0]}–{numbers[-1]}/{FORM_SERIES}"


@dataclass(frozen=True)
class Heading:
    """What stands above (and below) every table of one report."""

    parent: str  # the level above the reporting unit, upper case; may be empty
    unit: str  # the reporting unit, upper case
    title: str  # BÁO CÁO HỌC TẬP SUỐT ĐỜI NĂM 2026
    reporting_unit: str
    period: str
    made_on: str
    figures_of: str  # when stored figures were made; empty for live figures
    place_date: str  # over the signatures


def _province_title(province) -> str:
    """ "Lào Cai" → "Tỉnh Lào Cai"; "Thành phố Hà Nội" stays."""
    if province.name.startswith(("Thành phố", "Tỉnh")):
        return province.name
    return f"Tỉnh {province.name}"


def area_units(scope: Scope) -> tuple[str, str, str]:
    """(parent, unit, place of the date line) of the area; the heading of any
    register an area keeps (reports, the recognition decisions) starts from it."""
    if scope.level == Level.VILLAGE:
        return scope.commune.name, scope.village.name, scope.commune.name
    if scope.level == Level.COMMUNE:
        return _province_title(scope.province), scope.commune.name, scope.commune.name
    if scope.level == Level.PROVINCE:
        province = _province_title(scope.province)
        return "", province, scope.province.name
    return "", scope.label, ""


def reporting_period(year: int, today: datetime.date) -> str:
    """The calendar year; the current year runs to the day of making."""
    end = (
        today.strftime("%d/%m/%Y")
        if year == today.year and today < datetime.date(year, 12, 31)
        else f"31/12/{year}"
    )
    return f"Năm {year} (từ ngày 01/01/{year} đến ngày {end})"


def heading(report: Report, *, title: str) -> Heading:
    made = timezone.localtime(report.generated_at)
    parent, unit, place = area_units(report.scope)
    figures_of = (
        timezone.localtime(report.summarised_at).strftime("%d/%m/%Y %H:%M")
        if report.summarised_at
        else ""
    )
    return Heading(
        parent=parent.upper(),
        unit=unit.upper(),
        title=title.upper(),
        reporting_unit=report.area_label,
        period=reporting_period(report.year, made.date()),
        made_on=made.strftime("%d/%m/%Y %H:%M"),
        figures_of=figures_of,
        place_date=place_and_date(bare_place_name(place), made.date()),
    )

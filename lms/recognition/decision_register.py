"""The register of recognition decisions (sổ quyết định công nhận).

The decisions an officer or centre staff member may read (``rules.visible_decisions``,
the queryset face of ``recognition.view_decision``), newest first, each with how many
subjects it recognised; shown as a page and exported as an XLSX sheet in the official
layout of the reports (national header, title, "Ngày lập biểu", two signatures).
"""

import datetime
import io
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from openpyxl import Workbook

from accounts.predicates import is_admin, is_province_officer
from lms.official_layout import date_words, place_and_date
from lms.recognition.constants import DossierStatus
from lms.recognition.models import Decision
from lms.recognition.rules import visible_decisions
from lms.recognition.titles import title_words
from lms.reports import official, scope
from lms.reports.exports import DATE, INT, TEXT, Column, Table, official_sheet

TITLE = "Sổ quyết định công nhận"
SHEET_NAME = "Sổ quyết định"


@dataclass(frozen=True)
class RegisterFilter:
    """What the register is narrowed to; empty values mean "all"."""

    year: int | None = None
    model: str = ""


def register_decisions(user, filters: RegisterFilter) -> QuerySet[Decision]:
    """The decisions the user may see, newest first, with ``recognised`` (every
    subject the decision recognised, as decided) and ``revoked`` (of those, the
    ones since revoked) counted in the same query."""
    decisions = Decision.objects.filter(visible_decisions(user))
    if filters.year:
        decisions = decisions.filter(year=filters.year)
    if filters.model:
        decisions = decisions.filter(model=filters.model)
    return (
        decisions.select_related("commune")
        .annotate(
            recognised=Count("dossiers"),
            revoked=Count("dossiers", filter=Q(dossiers__status=DossierStatus.REVOKED)),
        )
        .order_by("-date", "-pk")
    )


def register_years(user) -> list[int]:
    """The years of the decisions the user may see, newest first (the year filter)."""
    return list(
        Decision.objects.filter(visible_decisions(user))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


def register_area(user) -> scope.Scope:
    """The area whose register the user keeps (the XLSX heading): the widest of
    their places, as in ``visible_decisions``."""
    if is_admin(user) or not user.commune_id:
        return scope.platform()
    commune = user.commune  # read once per request: the page's header reads it too
    if is_province_officer(user):
        return scope.for_province(commune.province)
    return scope.for_commune(commune)


def _heading(area: scope.Scope, *, made: datetime.datetime) -> official.Heading:
    parent, unit, place = official.area_units(area)
    return official.Heading(
        parent=parent.upper(),
        unit=unit.upper(),
        title=TITLE.upper(),
        reporting_unit=area.label,
        period="",
        made_on=made.strftime("%d/%m/%Y %H:%M"),
        figures_of="",
        place_date=place_and_date(place, made.date())
        if place
        else date_words(made.date()),
    )


def _filter_words(filters: RegisterFilter) -> tuple[str, str]:
    year = str(filters.year) if filters.year else "tất cả các năm"
    model = title_words(filters.model).title if filters.model else "tất cả"
    return year, model


def register_table(decisions) -> Table:
    """The register's rows as the XLSX writer reads them: numbers and dates as
    such, titles in the decisions' own (fixed Vietnamese) words."""
    columns = (
        Column("STT", INT),
        Column("Số, ký hiệu", TEXT),
        Column("Ngày ký", DATE),
        Column("Cơ quan ban hành", TEXT),
        Column("Công nhận danh hiệu", TEXT),
        Column("Năm", INT),
        Column("Xã, phường", TEXT),
        Column("Số được công nhận", INT),
        Column("Trong đó đã thu hồi", INT),
    )
    rows = tuple(
        (
            index,
            decision.number,
            decision.date,
            decision.authority,
            title_words(decision.model).title,
            decision.year,
            decision.commune.name,
            decision.recognised,
            decision.revoked,
        )
        for index, decision in enumerate(decisions, start=1)
    )
    return Table(
        key="decisions",
        title="Danh sách quyết định công nhận danh hiệu học tập",
        unit="",
        columns=columns,
        rows=rows,
    )


def register_xlsx(user, filters: RegisterFilter) -> bytes:
    """The register, filtered as on the page (every row, not one page), as one
    XLSX sheet in the official layout."""
    made = timezone.localtime()
    area = register_area(user)
    heading = _heading(area, made=made)
    year, model = _filter_words(filters)
    book = Workbook()
    book.remove(book.active)
    official_sheet(
        book,
        name=SHEET_NAME,
        heading=heading,
        table=register_table(register_decisions(user, filters)),
        lines=(
            f"Đơn vị: {heading.reporting_unit}",
            f"Năm công nhận: {year}",
            f"Mô hình học tập: {model}",
            f"Ngày lập biểu: {heading.made_on}",
        ),
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

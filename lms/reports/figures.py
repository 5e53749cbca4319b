"""Every figure the reports show, computed by aggregate queries in one code path.

The dashboard, the printable page, the exports and the ``learning_report`` command
all call :func:`build_report` and read the plain dataclasses it returns. Queries
group and count in the database; no person is ever loaded into Python, so the cost
grows with the number of villages or communes shown, not with the population.

Records count where they were made: an enrolment, a day of online learning, an
attendance or a recognition dossier belongs to the commune stored on the record at
that time, not to the commune the person lives in today. Dossiers still in draft do
not count.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.models import OpenResourcePage

from .models import PageViewDaily
from .scope import Scope

COMPARISON_YEARS = 4  # earlier years shown beside the chosen one


def percent(part: float, whole: float) -> float | None:
    """``part`` as a percentage of ``whole`` to one decimal, ``None`` when undefined."""
    if not whole:
        return None
    return round(100 * part / whole, 1)


def year_span(first: int, last: int) -> tuple[datetime, datetime]:
    """From 1 January of ``first`` to 1 January after ``last``, in the site's zone."""
    zone = timezone.get_default_timezone()
    return datetime(first, 1, 1, tzinfo=zone), datetime(last + 1, 1, 1, tzinfo=zone)


def day_span(first: int, last: int) -> tuple[date, date]:
    return date(first, 1, 1), date(last + 1, 1, 1)


@dataclass(frozen=True)
class LibraryRow:
    """Open resources of one institution under one licence, and their views."""

    institution: str
    licence: str
    resources: int
    views: int


@dataclass(frozen=True)
class Report:
    """All figures for one area and one year, with earlier years for comparison."""

    scope: Scope
    year: int
    compare: int
    generated_at: datetime
    library: list[LibraryRow] = field(default_factory=list)

    @property
    def area_label(self) -> str:
        return self.scope.label

    @property
    def level(self) -> str:
        return self.scope.level


def library_rows(*, year: int) -> list[LibraryRow]:
    """Live open resources published by the end of the year, and their views in it.

    The library belongs to the whole platform (institutions, not communes, publish
    it), so these figures are the same in every area's report.
    """
    start, end = year_span(year, year)
    resources = (
        OpenResourcePage.objects.live()
        # Pages created without a revision have no publication date; count them.
        .filter(Q(first_published_at__lt=end) | Q(first_published_at__isnull=True))
        .values("institution__name", "licence__code")
        .annotate(n=Count("pk"))
    )
    first_day, next_day = day_span(year, year)
    views = (
        PageViewDaily.objects.filter(
            day__gte=first_day,
            day__lt=next_day,
            page__openresourcepage__isnull=False,
        )
        .values(
            "page__openresourcepage__institution__name",
            "page__openresourcepage__licence__code",
        )
        .annotate(n=Sum("count"))
    )
    none_label = _("No institution")
    table: dict[tuple[str, str], list[int]] = {}
    for row in resources:
        key = (row["institution__name"] or none_label, row["licence__code"])
        table.setdefault(key, [0, 0])[0] += row["n"]
    for row in views:
        key = (
            row["page__openresourcepage__institution__name"] or none_label,
            row["page__openresourcepage__licence__code"],
        )
        table.setdefault(key, [0, 0])[1] += row["n"]
    return [
        LibraryRow(institution, licence, counts[0], counts[1])
        for (institution, licence), counts in sorted(table.items())
    ]


def build_report(*, scope: Scope, year: int, compare: int = COMPARISON_YEARS) -> Report:
    """The full report for an area and a year: the single entry point for figures."""
    return Report(
        scope=scope,
        year=year,
        compare=compare,
        generated_at=timezone.now(),
        library=library_rows(year=year),
    )

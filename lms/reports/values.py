"""The plain values reports are made of: counts per learning model, learning time,
classes, rows of a breakdown, a year's totals and the report itself."""

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from .scope import Level, Scope


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


class _Summable:
    """Field-wise addition for the figure dataclasses."""

    def __add__(self, other):
        return type(self)(
            **{
                f.name: getattr(self, f.name) + getattr(other, f.name)
                for f in fields(self)
            }
        )


@dataclass(frozen=True)
class Funnel(_Summable):
    """How far one learning model's dossiers went in a year."""

    registered: int = 0
    self_assessed: int = 0
    verified: int = 0
    recognised: int = 0

    @property
    def self_assessed_rate(self) -> float | None:
        return percent(self.self_assessed, self.registered)

    @property
    def verified_rate(self) -> float | None:
        return percent(self.verified, self.registered)

    @property
    def recognised_rate(self) -> float | None:
        return percent(self.recognised, self.registered)


@dataclass(frozen=True)
class Learning(_Summable):
    """Courses and learning time in a year."""

    enrolments: int = 0
    completed_enrolments: int = 0  # of this year's enrolments, completed so far
    completions: int = 0
    online_seconds: int = 0
    attendances: int = 0
    in_person_hours: Decimal = Decimal(0)

    @property
    def completion_rate(self) -> float | None:
        return percent(self.completed_enrolments, self.enrolments)

    @property
    def online_hours(self) -> float:
        return round(self.online_seconds / 3600, 1)

    @property
    def in_person(self) -> float:
        return float(self.in_person_hours)


@dataclass(frozen=True)
class Classes(_Summable):
    """In-person classes held by centres."""

    sessions: int = 0
    hours: Decimal = Decimal(0)
    attendances: int = 0


@dataclass(frozen=True)
class Row:
    """Figures of one village, commune, province or target group."""

    key: object
    label: str
    recognition: dict[str, Funnel]
    learning: Learning
    classes: Classes = field(default_factory=Classes)

    @property
    def all_models(self) -> Funnel:
        return sum(self.recognition.values(), Funnel())


@dataclass(frozen=True)
class TopicRow:
    topic: str
    classes: Classes


@dataclass(frozen=True)
class YearFigures:
    """An area's totals for one year."""

    year: int
    recognition: dict[str, Funnel]
    learning: Learning
    classes: Classes

    @property
    def all_models(self) -> Funnel:
        return sum(self.recognition.values(), Funnel())


@dataclass(frozen=True)
class LibraryRow:
    """Open resources of one institution under one licence, and their views."""

    institution: str
    licence: str
    resources: int
    views: int


@dataclass(frozen=True)
class YearFacts:
    """One year's figures at the finest breakdown, before grouping for a report.

    Keys: recognition (commune, province, village, target group, model); learning
    (commune, province, village, target group); classes (commune, province, topic).
    The village of a learning record is the learner's village when it lies in the
    record's commune, else ``None``.
    """

    recognition: dict[tuple, Funnel]
    learning: dict[tuple, Learning]
    classes: dict[tuple, Classes]


@dataclass(frozen=True)
class Report:
    """All figures for one area and one year, with earlier years for comparison."""

    scope: Scope
    year: int
    compare: int
    generated_at: datetime
    totals: YearFigures
    by_area: list[Row]
    by_group: list[Row]
    topics: list[TopicRow]
    trend: list[YearFigures]
    library: list[LibraryRow] = field(default_factory=list)
    summarised_at: datetime | None = None  # None: computed live from the records
    targets: list = field(default_factory=list)  # targets.TargetLine, QĐ 387

    @property
    def area_label(self) -> str:
        return self.scope.label

    @property
    def level(self) -> str:
        return self.scope.level

    @property
    def area_kind(self) -> str:
        return {
            Level.VILLAGE: _("Village"),
            Level.COMMUNE: _("Village"),
            Level.PROVINCE: _("Commune"),
            Level.PLATFORM: _("Province"),
        }[self.scope.level]

    @property
    def notes(self) -> list[str]:
        """What the report cannot show for its area, said wherever it is shown."""
        if self.scope.level != Level.VILLAGE:
            return []
        return [
            _(
                "In-person classes are held by the commune's centre for everyone and "
                "are not broken down by village, so this report has no class table; "
                "the presences and in-person hours of the village's residents are in "
                "the learning tables."
            ),
            _(
                "The share of villages recognised is a commune figure: see the "
                "commune's report."
            ),
        ]

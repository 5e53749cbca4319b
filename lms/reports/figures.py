"""Every figure the reports show, computed by aggregate queries in one code path.

The dashboard, the printable page, the exports and the ``learning_report`` command
all call :func:`build_report` and read the plain dataclasses it returns. Queries
group and count in the database; no person is ever loaded into Python, so the cost
grows with the number of villages or communes shown, not with the population.

Records count where they were made: an enrolment, a day of online learning, an
attendance or a recognition dossier belongs to the commune stored on the record at
that time, not to the commune the person lives in today. Dossiers in a draft state
do not count.

Definitions (per calendar year, Vietnam time):
- registered: dossiers of the year in any submitted state; self-assessed, verified:
  those that reached that step; recognised: those recognised and not revoked;
  rates are shares of the registered.
- enrolments: enrolments made in the year; completions: courses completed in the
  year; completion rate: share of the year's enrolments completed so far.
- online hours: time recorded in the year; in-person hours: hours of the classes a
  person was present at; attendances: presences (lượt người).
- classes: sessions held by the centres of the area, their hours and presences.
"""

from collections import defaultdict
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Case, Count, F, IntegerField, Q, Sum, When
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.models import Commune, OpenResourcePage, Province, Village
from lms.models import Attendance, ClassSession, DailyLearning, Enrolment, TargetGroup
from lms.recognition.constants import DossierStatus, LearningModel
from lms.recognition.models import Dossier

from .models import PageViewDaily
from .scope import Level, Scope

COMPARISON_YEARS = 4  # earlier years shown beside the chosen one
TOPICS_SHOWN = 30
# Every state a submitted dossier can be in; anything else (a draft) is not counted.
COUNTED_STATUSES = [s for s in DossierStatus.values if s != "draft"]
MODELS = list(LearningModel.values)


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

    @property
    def area_label(self) -> str:
        return self.scope.label

    @property
    def level(self) -> str:
        return self.scope.level

    @property
    def area_kind(self) -> str:
        return {
            Level.COMMUNE: _("Village"),
            Level.PROVINCE: _("Commune"),
            Level.PLATFORM: _("Province"),
        }[self.scope.level]


# --- where records belong ------------------------------------------------------


def _in_scope(scope: Scope, commune_path: str = "commune") -> Q:
    if scope.level == Level.COMMUNE:
        return Q(**{f"{commune_path}_id": scope.commune.pk})
    if scope.level == Level.PROVINCE:
        return Q(**{f"{commune_path}__province_id": scope.province.pk})
    return Q()


def _area_of_record(scope: Scope, commune_path: str = "commune", learner="learner"):
    """The breakdown key of a learning record: the learner's village if it lies in
    the record's commune (commune view), else the record's commune or province."""
    if scope.level == Level.COMMUNE:
        return Case(
            When(
                **{f"{learner}__village__commune_id": F(f"{commune_path}_id")},
                then=F(f"{learner}__village_id"),
            ),
            default=None,
            output_field=IntegerField(),
        )
    if scope.level == Level.PROVINCE:
        return F(f"{commune_path}_id")
    return F(f"{commune_path}__province_id")


def _area_of_dossier(scope: Scope):
    if scope.level == Level.COMMUNE:
        return F("village_id")
    if scope.level == Level.PROVINCE:
        return F("commune_id")
    return F("commune__province_id")


def _area_labels(scope: Scope) -> dict[object, str]:
    """Every area of the scope, so areas with nothing to report still show."""
    if scope.level == Level.COMMUNE:
        areas = Village.objects.filter(commune=scope.commune)
    elif scope.level == Level.PROVINCE:
        areas = Commune.objects.current().filter(province=scope.province)
    else:
        areas = Province.objects.all()
    return dict(areas.order_by("name").values_list("pk", "name"))


# --- the queries -----------------------------------------------------------------


def _dossier_counts():
    return {
        "registered": Count("pk"),
        "self_assessed": Count("pk", filter=Q(self_assessed_at__isnull=False)),
        "verified": Count("pk", filter=Q(verified_at__isnull=False)),
        "recognised": Count("pk", filter=Q(status=DossierStatus.RECOGNISED)),
    }


def _dossiers(scope: Scope):
    return Dossier.objects.filter(_in_scope(scope), status__in=COUNTED_STATUSES)


def _recognition_rows(scope: Scope, year: int):
    """(area, target group, model) → Funnel; the target group only for people."""
    rows = (
        _dossiers(scope)
        .filter(year=year)
        .values("model")
        .annotate(
            area=_area_of_dossier(scope),
            group=F("person__target_group"),
            **_dossier_counts(),
        )
    )
    return {
        (row["area"], row["group"], row["model"]): Funnel(
            row["registered"], row["self_assessed"], row["verified"], row["recognised"]
        )
        for row in rows
    }


def _learning_rows(scope: Scope, year: int):
    """(area, target group) → Learning for the year, from the four record tables."""
    start, end = year_span(year, year)
    first_day, next_day = day_span(year, year)
    result: dict[tuple, dict] = defaultdict(dict)
    enrolments = (
        Enrolment.objects.filter(_in_scope(scope))
        .filter(
            Q(enrolled_at__gte=start, enrolled_at__lt=end)
            | Q(completed_at__gte=start, completed_at__lt=end)
        )
        .values("learner__target_group")
        .annotate(
            area=_area_of_record(scope),
            enrolments=Count(
                "pk", filter=Q(enrolled_at__gte=start, enrolled_at__lt=end)
            ),
            completed_enrolments=Count(
                "pk",
                filter=Q(
                    enrolled_at__gte=start,
                    enrolled_at__lt=end,
                    completed_at__isnull=False,
                ),
            ),
            completions=Count(
                "pk", filter=Q(completed_at__gte=start, completed_at__lt=end)
            ),
        )
    )
    for row in enrolments:
        result[(row["area"], row["learner__target_group"])].update(
            enrolments=row["enrolments"],
            completed_enrolments=row["completed_enrolments"],
            completions=row["completions"],
        )
    online = (
        DailyLearning.objects.filter(
            _in_scope(scope), day__gte=first_day, day__lt=next_day
        )
        .values("learner__target_group")
        .annotate(area=_area_of_record(scope), seconds=Sum("online_seconds"))
    )
    for row in online:
        result[(row["area"], row["learner__target_group"])]["online_seconds"] = row[
            "seconds"
        ]
    present = (
        Attendance.objects.filter(
            _in_scope(scope),
            present=True,
            session__date__gte=first_day,
            session__date__lt=next_day,
        )
        .values("learner__target_group")
        .annotate(
            area=_area_of_record(scope),
            attendances=Count("pk"),
            hours=Sum("session__hours"),
        )
    )
    for row in present:
        result[(row["area"], row["learner__target_group"])].update(
            attendances=row["attendances"], in_person_hours=row["hours"]
        )
    return {key: Learning(**values) for key, values in result.items()}


def _sessions(scope: Scope):
    return ClassSession.objects.filter(_in_scope(scope, "centre__commune"))


def _class_rows(scope: Scope, year: int, *, by_topic: bool) -> dict:
    """Classes held in the year by the centres of the area, per area or per topic."""
    first_day, next_day = day_span(year, year)
    if by_topic:
        key = F("topic")
    elif scope.level == Level.PLATFORM:
        key = F("centre__commune__province_id")
    else:
        key = F("centre__commune_id")
    sessions = (
        _sessions(scope)
        .filter(date__gte=first_day, date__lt=next_day)
        .annotate(key=key)
        .values("key")
    )
    rows = {
        row["key"]: [row["n"], row["hours"], 0]
        for row in sessions.annotate(n=Count("pk"), hours=Sum("hours"))
    }
    presences = sessions.filter(attendances__present=True).annotate(
        n=Count("attendances")
    )
    for row in presences:
        rows[row["key"]][2] = row["n"]
    return {key: Classes(*values) for key, values in rows.items()}


# --- earlier years ------------------------------------------------------------------


def _trend(scope: Scope, first: int, last: int) -> list[YearFigures]:
    """Totals per year, one grouped query per record table for all the years."""
    if first > last:
        return []
    years = range(first, last + 1)
    start, end = year_span(first, last)
    first_day, next_day = day_span(first, last)
    zone = timezone.get_default_timezone()
    recognition = {y: {m: Funnel() for m in MODELS} for y in years}
    for row in (
        _dossiers(scope)
        .filter(year__gte=first, year__lte=last)
        .values("year", "model")
        .annotate(**_dossier_counts())
    ):
        recognition[row["year"]][row["model"]] = Funnel(
            row["registered"], row["self_assessed"], row["verified"], row["recognised"]
        )
    learning = {y: defaultdict(int) for y in years}
    enrolments = Enrolment.objects.filter(_in_scope(scope))
    for row in (
        enrolments.filter(enrolled_at__gte=start, enrolled_at__lt=end)
        .annotate(y=ExtractYear("enrolled_at", tzinfo=zone))
        .values("y")
        .annotate(n=Count("pk"), done=Count("pk", filter=Q(completed_at__isnull=False)))
    ):
        learning[row["y"]].update(enrolments=row["n"], completed_enrolments=row["done"])
    for row in (
        enrolments.filter(completed_at__gte=start, completed_at__lt=end)
        .annotate(y=ExtractYear("completed_at", tzinfo=zone))
        .values("y")
        .annotate(n=Count("pk"))
    ):
        learning[row["y"]]["completions"] = row["n"]
    for row in (
        DailyLearning.objects.filter(
            _in_scope(scope), day__gte=first_day, day__lt=next_day
        )
        .annotate(y=ExtractYear("day"))
        .values("y")
        .annotate(n=Sum("online_seconds"))
    ):
        learning[row["y"]]["online_seconds"] = row["n"]
    for row in (
        Attendance.objects.filter(
            _in_scope(scope),
            present=True,
            session__date__gte=first_day,
            session__date__lt=next_day,
        )
        .annotate(y=ExtractYear("session__date"))
        .values("y")
        .annotate(n=Count("pk"), hours=Sum("session__hours"))
    ):
        learning[row["y"]].update(attendances=row["n"], in_person_hours=row["hours"])
    classes = {y: [0, Decimal(0), 0] for y in years}
    sessions = (
        _sessions(scope)
        .filter(date__gte=first_day, date__lt=next_day)
        .annotate(y=ExtractYear("date"))
        .values("y")
    )
    for row in sessions.annotate(n=Count("pk"), hours=Sum("hours")):
        classes[row["y"]][:2] = [row["n"], row["hours"]]
    for row in sessions.filter(attendances__present=True).annotate(
        n=Count("attendances")
    ):
        classes[row["y"]][2] = row["n"]
    return [
        YearFigures(y, recognition[y], Learning(**learning[y]), Classes(*classes[y]))
        for y in years
    ]


# --- putting it together ------------------------------------------------------------


def library_rows(*, year: int) -> list[LibraryRow]:
    """Live open resources published by the end of the year, and their views in it.

    The library belongs to the whole platform (institutions, not communes, publish
    it), so these figures are the same in every area's report.
    """
    _start, end = year_span(year, year)
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


def _rows(keys_labels, recognition, learning, classes) -> list[Row]:
    return [
        Row(
            key=key,
            label=label,
            recognition={m: recognition.get((key, m), Funnel()) for m in MODELS},
            learning=learning.get(key, Learning()),
            classes=classes.get(key, Classes()),
        )
        for key, label in keys_labels
    ]


def build_report(*, scope: Scope, year: int, compare: int = COMPARISON_YEARS) -> Report:
    """The full report for an area and a year: the single entry point for figures."""
    labels = _area_labels(scope)

    def area_of(key):
        # Records in merged-away communes or villages not recorded go to one row.
        return key if key in labels else None

    by_area_rec: dict = defaultdict(Funnel)
    by_group_rec: dict = defaultdict(Funnel)
    for (area, group, model), funnel in _recognition_rows(scope, year).items():
        by_area_rec[(area_of(area), model)] += funnel
        by_group_rec[(group, model)] += funnel
    by_area_learning: dict = defaultdict(Learning)
    by_group_learning: dict = defaultdict(Learning)
    for (area, group), figures in _learning_rows(scope, year).items():
        by_area_learning[area_of(area)] += figures
        by_group_learning[group] += figures
    classes = _class_rows(scope, year, by_topic=False)
    by_area_classes: dict = defaultdict(Classes)
    if scope.level != Level.COMMUNE:  # a commune's classes are not by village
        for area, figures in classes.items():
            by_area_classes[area_of(area)] += figures

    area_keys = list(labels.items())
    if None in {a for a, _m in by_area_rec} | set(by_area_learning) | set(
        by_area_classes
    ):
        area_keys.append((None, _("Not recorded or elsewhere")))
    by_area = _rows(area_keys, by_area_rec, by_area_learning, by_area_classes)
    groups = [(value, str(label)) for value, label in TargetGroup.choices]
    by_group = _rows(groups, by_group_rec, by_group_learning, {})
    totals = YearFigures(
        year=year,
        recognition={
            m: sum((r.recognition[m] for r in by_area), Funnel()) for m in MODELS
        },
        learning=sum((r.learning for r in by_area), Learning()),
        classes=sum(classes.values(), Classes()),
    )
    topics = sorted(
        (
            TopicRow(topic, figures)
            for topic, figures in _class_rows(scope, year, by_topic=True).items()
        ),
        key=lambda row: (-row.classes.sessions, row.topic),
    )[:TOPICS_SHOWN]
    return Report(
        scope=scope,
        year=year,
        compare=compare,
        generated_at=timezone.now(),
        totals=totals,
        by_area=by_area,
        by_group=by_group,
        topics=topics,
        trend=[*_trend(scope, year - compare, year - 1), totals],
        library=library_rows(year=year),
    )

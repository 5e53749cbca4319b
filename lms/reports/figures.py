"""Every figure the reports show, computed in one code path by aggregate queries.

The dashboard, the printable page, the exports and the ``learning_report`` command
all call :func:`build_report` and read the plain dataclasses it returns. Queries
group and count in the database (``facts.py``); no person is ever loaded into
Python, so the cost grows with the number of villages or communes shown, not with
the population. A year whose figures were stored by
``summaries.refresh_summaries`` is read from those rows, which the same queries
wrote.

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
  A centre serves its whole commune, so classes are not broken down by village: a
  village report has none (its residents' presences are in the learning figures).
"""

from collections import defaultdict

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.models import Commune, OpenResourcePage, Province, Village
from lms.models import TargetGroup

from .facts import MODELS, live_facts, live_trend, stored_facts, stored_trend
from .models import PageViewDaily, SummarisedYear
from .scope import Level, Scope
from .targets import target_lines
from .values import (
    Classes,
    Funnel,
    Learning,
    LibraryRow,
    Report,
    Row,
    TopicRow,
    YearFacts,
    YearFigures,
    day_span,
    percent,
    year_span,
)

COMPARISON_YEARS = 4  # earlier years shown beside the chosen one
TOPICS_SHOWN = 30

__all__ = [
    "COMPARISON_YEARS",
    "MODELS",
    "Classes",
    "Funnel",
    "Learning",
    "LibraryRow",
    "Report",
    "Row",
    "build_report",
    "library_rows",
    "percent",
]


def _area_labels(scope: Scope) -> dict[object, str]:
    """Every area of the scope, so areas with nothing to report still show."""
    if scope.level == Level.VILLAGE:
        return {scope.village.pk: scope.village.name}
    if scope.level == Level.COMMUNE:
        areas = Village.objects.filter(commune=scope.commune)
    elif scope.level == Level.PROVINCE:
        areas = Commune.objects.current().filter(province=scope.province)
    else:
        areas = Province.objects.all()
    return dict(areas.order_by("name").values_list("pk", "name"))


def _area_key(scope: Scope, commune, province, village):
    if scope.level in (Level.COMMUNE, Level.VILLAGE):
        return village
    if scope.level == Level.PROVINCE:
        return commune
    return province


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


def _breakdowns(scope: Scope, facts: YearFacts, year: int):
    """Rows by area and by target group, the year's totals and the class topics."""
    labels = _area_labels(scope)

    def area_of(commune, province, village):
        # Records of merged-away communes or of no recorded village share one row.
        key = _area_key(scope, commune, province, village)
        return key if key in labels else None

    by_area_rec: dict = defaultdict(Funnel)
    by_group_rec: dict = defaultdict(Funnel)
    for (commune, province, village, group, model), funnel in facts.recognition.items():
        by_area_rec[(area_of(commune, province, village), model)] += funnel
        by_group_rec[(group, model)] += funnel
    by_area_learning: dict = defaultdict(Learning)
    by_group_learning: dict = defaultdict(Learning)
    for (commune, province, village, group), figures in facts.learning.items():
        by_area_learning[area_of(commune, province, village)] += figures
        by_group_learning[group] += figures
    by_area_classes: dict = defaultdict(Classes)
    by_topic: dict = defaultdict(Classes)
    for (commune, province, topic), figures in facts.classes.items():
        by_topic[topic] += figures
        # Classes are per commune at the finest: not broken down by village.
        if scope.level in (Level.PROVINCE, Level.PLATFORM):
            by_area_classes[area_of(commune, province, None)] += figures

    area_keys = list(labels.items())
    used = {a for a, _m in by_area_rec} | set(by_area_learning) | set(by_area_classes)
    if None in used:
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
        classes=sum(by_topic.values(), Classes()),
    )
    topics = sorted(
        (TopicRow(topic, figures) for topic, figures in by_topic.items()),
        key=lambda row: (-row.classes.sessions, row.topic),
    )[:TOPICS_SHOWN]
    return by_area, by_group, totals, topics


def build_report(*, scope: Scope, year: int, compare: int = COMPARISON_YEARS) -> Report:
    """The full report for an area and a year: the single entry point for figures."""
    earlier = range(year - compare, year)
    summarised = dict(
        SummarisedYear.objects.filter(
            year__gte=year - compare, year__lte=year
        ).values_list("year", "refreshed_at")
    )
    facts = stored_facts(scope, year) if year in summarised else live_facts(scope, year)
    by_area, by_group, totals, topics = _breakdowns(scope, facts, year)
    trend = {
        **live_trend(scope, [y for y in earlier if y not in summarised]),
        **stored_trend(scope, [y for y in earlier if y in summarised]),
    }
    return Report(
        scope=scope,
        year=year,
        compare=compare,
        generated_at=timezone.now(),
        totals=totals,
        by_area=by_area,
        by_group=by_group,
        topics=topics,
        trend=[*(trend[y] for y in earlier), totals],
        library=library_rows(year=year),
        summarised_at=summarised.get(year),
        targets=target_lines(scope=scope, totals=totals, by_group=by_group),
    )

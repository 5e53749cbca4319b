"""The aggregate queries behind every report, live or from stored yearly rows.

``live_facts`` groups the learning and recognition records of one year at the
finest breakdown (commune, village, target group, model or topic); ``stored_facts``
reads the same breakdown from ``YearFact`` rows written by
``summaries.refresh_summaries`` from ``live_facts`` itself. The trend functions
give per-year totals the same two ways. A village's figures are its own rows of
both (classes, held by the commune's centre, have none).
"""

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Case, Count, F, IntegerField, Q, Sum, When
from django.db.models.functions import ExtractYear
from django.utils import timezone

from lms.models import Attendance, ClassSession, DailyLearning, Enrolment
from lms.recognition.constants import DossierStatus, LearningModel
from lms.recognition.models import Dossier
from lms.recognition.selectors import holds_title

from .models import FactKind, YearFact
from .scope import Level, Scope
from .values import (
    Classes,
    Funnel,
    Learning,
    YearFacts,
    YearFigures,
    day_span,
    year_span,
)

# Every state a submitted dossier can be in; anything else (a draft) is not counted.
COUNTED_STATUSES = [s for s in DossierStatus.values if s != "draft"]
MODELS = list(LearningModel.values)


def in_scope(
    scope: Scope, commune_path: str = "commune", village_path: str = "village"
) -> Q:
    """Records of the area; at village level, those of the village in its own commune
    (so a village's figures are its row of the commune report)."""
    if scope.level == Level.VILLAGE:
        return Q(
            **{
                f"{commune_path}_id": scope.commune.pk,
                f"{village_path}_id": scope.village.pk,
            }
        )
    if scope.level == Level.COMMUNE:
        return Q(**{f"{commune_path}_id": scope.commune.pk})
    if scope.level == Level.PROVINCE:
        return Q(**{f"{commune_path}__province_id": scope.province.pk})
    return Q()


def _learner_village():
    """The learner's village if it lies in the record's commune, else NULL: a person
    who has moved away counts in the commune of the record, in no village of it."""
    return Case(
        When(
            learner__village__commune_id=F("commune_id"), then=F("learner__village_id")
        ),
        default=None,
        output_field=IntegerField(),
    )


def _dossier_counts():
    return {
        "registered": Count("pk"),
        "self_assessed": Count("pk", filter=Q(self_assessed_at__isnull=False)),
        "verified": Count("pk", filter=Q(verified_at__isnull=False)),
        # Titles held: the one definition roll-ups and targets share.
        "recognised": Count("pk", filter=holds_title()),
    }


def _funnel(row) -> Funnel:
    return Funnel(
        row["registered"], row["self_assessed"], row["verified"], row["recognised"]
    )


def _dossiers(scope: Scope):
    return Dossier.objects.filter(in_scope(scope), status__in=COUNTED_STATUSES)


def _sessions(scope: Scope):
    # Classes are held by a commune's centre for anyone: they belong to no village.
    # A village's residents' presences count in its learning figures instead.
    if scope.level == Level.VILLAGE:
        return ClassSession.objects.none()
    return ClassSession.objects.filter(in_scope(scope, "centre__commune"))


def _learners(scope: Scope) -> Q:
    """Learning records of the area: at village level, of the village's residents,
    as ``_learner_village`` attributes them."""
    return in_scope(scope, village_path="learner__village")


METRICS = (
    "registered",
    "self_assessed",
    "verified",
    "recognised",
    "enrolments",
    "completed_enrolments",
    "completions",
    "online_seconds",
    "attendances",
    "in_person_hours",
    "sessions",
    "class_hours",
    "class_attendances",
)
LEARNING_KEY = (
    "commune_id",
    "commune__province_id",
    "village",
    "learner__target_group",
)


def live_facts(scope: Scope, year: int) -> YearFacts:
    """One year's facts computed from the records (seven grouped queries)."""
    start, end = year_span(year, year)
    first_day, next_day = day_span(year, year)

    recognition = {
        (
            row["commune_id"],
            row["commune__province_id"],
            row["village_id"],
            row["person__target_group"],
            row["model"],
        ): _funnel(row)
        for row in _dossiers(scope)
        .filter(year=year)
        .values(
            "commune_id",
            "commune__province_id",
            "village_id",
            "person__target_group",
            "model",
        )
        .annotate(**_dossier_counts())
    }

    learning: dict[tuple, dict] = defaultdict(dict)

    def grouped(queryset, **metrics):
        return (
            queryset.annotate(village=_learner_village())
            .values(*LEARNING_KEY)
            .annotate(**metrics)
        )

    this_year = Q(enrolled_at__gte=start, enrolled_at__lt=end)
    completed = Q(completed_at__gte=start, completed_at__lt=end)
    for row in grouped(
        Enrolment.objects.filter(_learners(scope)).filter(this_year | completed),
        enrolments=Count("pk", filter=this_year),
        completed_enrolments=Count(
            "pk", filter=this_year & Q(completed_at__isnull=False)
        ),
        completions=Count("pk", filter=completed),
    ):
        learning[tuple(row[k] for k in LEARNING_KEY)].update(
            enrolments=row["enrolments"],
            completed_enrolments=row["completed_enrolments"],
            completions=row["completions"],
        )
    for row in grouped(
        DailyLearning.objects.filter(
            _learners(scope), day__gte=first_day, day__lt=next_day
        ),
        seconds=Sum("online_seconds"),
    ):
        learning[tuple(row[k] for k in LEARNING_KEY)]["online_seconds"] = row["seconds"]
    for row in grouped(
        Attendance.objects.filter(
            _learners(scope),
            present=True,
            session__date__gte=first_day,
            session__date__lt=next_day,
        ),
        attendances=Count("pk"),
        hours=Sum("session__hours"),
    ):
        learning[tuple(row[k] for k in LEARNING_KEY)].update(
            attendances=row["attendances"], in_person_hours=row["hours"]
        )

    class_key = ("centre__commune_id", "centre__commune__province_id", "topic")
    sessions = (
        _sessions(scope)
        .filter(date__gte=first_day, date__lt=next_day)
        .values(*class_key)
    )
    classes = {
        tuple(row[k] for k in class_key): [row["n"], row["hours"], 0]
        for row in sessions.annotate(n=Count("pk"), hours=Sum("hours"))
    }
    for row in sessions.filter(attendances__present=True).annotate(
        n=Count("attendances")
    ):
        classes[tuple(row[k] for k in class_key)][2] = row["n"]

    return YearFacts(
        recognition=recognition,
        learning={key: Learning(**values) for key, values in learning.items()},
        classes={key: Classes(*values) for key, values in classes.items()},
    )


def _stored(scope: Scope):
    if scope.level == Level.VILLAGE:
        return YearFact.objects.filter(
            commune_id=scope.commune.pk, village_id=scope.village.pk
        )
    if scope.level == Level.COMMUNE:
        return YearFact.objects.filter(commune_id=scope.commune.pk)
    if scope.level == Level.PROVINCE:
        return YearFact.objects.filter(province_id=scope.province.pk)
    return YearFact.objects.all()


def stored_facts(scope: Scope, year: int) -> YearFacts:
    """One year's facts read back from the stored rows (one query)."""
    recognition, learning, classes = {}, {}, {}
    rows = (
        _stored(scope)
        .filter(year=year)
        .values_list(
            "kind",
            "commune_id",
            "province_id",
            "village_id",
            "target_group",
            "model",
            "topic",
            *METRICS,
        )
    )
    for kind, commune, province, village, group, model, topic, *m in rows:
        group = group or None
        if kind == FactKind.RECOGNITION:
            recognition[(commune, province, village, group, model)] = Funnel(*m[:4])
        elif kind == FactKind.LEARNING:
            learning[(commune, province, village, group)] = Learning(*m[4:10])
        else:
            classes[(commune, province, topic)] = Classes(*m[10:])
    return YearFacts(recognition, learning, classes)


def _empty_years(years) -> tuple[dict, dict, dict]:
    return (
        {y: {m: Funnel() for m in MODELS} for y in years},
        {y: defaultdict(int) for y in years},
        {y: [0, Decimal(0), 0] for y in years},
    )


def _figures(years, recognition, learning, classes) -> dict[int, YearFigures]:
    return {
        y: YearFigures(y, recognition[y], Learning(**learning[y]), Classes(*classes[y]))
        for y in years
    }


def live_trend(scope: Scope, years: Iterable[int]) -> dict[int, YearFigures]:
    """Totals per year from the records, one grouped query per record table."""
    years = sorted(years)
    if not years:
        return {}
    first, last = years[0], years[-1]
    start, end = year_span(first, last)
    first_day, next_day = day_span(first, last)
    zone = timezone.get_default_timezone()
    recognition, learning, classes = _empty_years(range(first, last + 1))
    for row in (
        _dossiers(scope)
        .filter(year__gte=first, year__lte=last)
        .values("year", "model")
        .annotate(**_dossier_counts())
    ):
        recognition[row["year"]][row["model"]] = _funnel(row)
    enrolments = Enrolment.objects.filter(_learners(scope))
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
            _learners(scope), day__gte=first_day, day__lt=next_day
        )
        .annotate(y=ExtractYear("day"))
        .values("y")
        .annotate(n=Sum("online_seconds"))
    ):
        learning[row["y"]]["online_seconds"] = row["n"]
    for row in (
        Attendance.objects.filter(
            _learners(scope),
            present=True,
            session__date__gte=first_day,
            session__date__lt=next_day,
        )
        .annotate(y=ExtractYear("session__date"))
        .values("y")
        .annotate(n=Count("pk"), hours=Sum("session__hours"))
    ):
        learning[row["y"]].update(attendances=row["n"], in_person_hours=row["hours"])
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
    return _figures(years, recognition, learning, classes)


def stored_trend(scope: Scope, years: Iterable[int]) -> dict[int, YearFigures]:
    """Totals per year from the stored rows, in one grouped query."""
    years = sorted(years)
    if not years:
        return {}
    recognition, learning, classes = _empty_years(years)
    rows = (
        _stored(scope)
        .filter(year__in=years)
        .values("year", "kind", "model")
        .annotate(**{name: Sum(name) for name in METRICS})
    )
    for row in rows:
        y = row["year"]
        if row["kind"] == FactKind.RECOGNITION:
            recognition[y][row["model"]] = _funnel(row)
        elif row["kind"] == FactKind.LEARNING:
            for name in (
                "enrolments",
                "completed_enrolments",
                "completions",
                "online_seconds",
                "attendances",
                "in_person_hours",
            ):
                learning[y][name] += row[name]
        else:
            classes[y] = [row["sessions"], row["class_hours"], row["class_attendances"]]
    return _figures(years, recognition, learning, classes)

"""Reads for recognition: the applicable criteria set and its frozen spec."""

import datetime
from decimal import Decimal

from django.db.models import Q

from lms.recognition.constants import DossierStatus, SetStatus
from lms.recognition.criteria import DeclaredAnswer, IndicatorSpec, SetSpec
from lms.recognition.models import Answer, CriteriaSet, Dossier, Evidence, Indicator


def active_set(*, model: str, scope: str, year: int) -> CriteriaSet | None:
    """The active set for a model and scope whose validity covers the year."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return (
        CriteriaSet.objects.filter(model=model, status=SetStatus.ACTIVE)
        .filter(Q(scope=scope) | Q(scope="all"))
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
        .order_by("-version")
        .first()
    )


def set_spec(criteria_set: CriteriaSet) -> SetSpec:
    """The set as a frozen spec, in one query."""
    indicators = Indicator.objects.filter(
        criterion__criteria_set=criteria_set
    ).select_related("criterion")
    return SetSpec(
        id=criteria_set.pk,
        code=criteria_set.code,
        version=criteria_set.version,
        name=criteria_set.name,
        pass_points=criteria_set.pass_points,
        bands=tuple(
            (band["label"], Decimal(str(band["min"]))) for band in criteria_set.bands
        ),
        indicators=tuple(
            IndicatorSpec(
                code=i.code,
                text=i.text,
                kind=i.kind,
                criterion=f"{i.criterion.number}. {i.criterion.title}",
                metric=i.metric,
                threshold=i.threshold,
                points=i.points,
                level=i.level,
                required=i.required,
                evidence_required=i.evidence_required,
                unconfirmed=i.unconfirmed,
                indicator_id=i.pk,
            )
            for i in indicators
        ),
    )


class SpecCache:
    """Specs and active sets looked up once per run."""

    def __init__(self, year: int):
        self.year = year
        self._sets: dict = {}
        self._specs: dict = {}

    def active(self, model: str, scope: str) -> CriteriaSet | None:
        if (model, scope) not in self._sets:
            self._sets[model, scope] = active_set(
                model=model, scope=scope, year=self.year
            )
        return self._sets[model, scope]

    def spec(self, criteria_set: CriteriaSet) -> SetSpec:
        if criteria_set.pk not in self._specs:
            self._specs[criteria_set.pk] = set_spec(criteria_set)
        return self._specs[criteria_set.pk]


VERIFIED_STATUSES = {DossierStatus.VERIFIED, DossierStatus.RECOGNISED}


def declared_answers(*, dossier_ids) -> dict[int, dict[str, DeclaredAnswer]]:
    """Answers (with evidence names) per dossier id, in two queries."""
    dossier_ids = list(dossier_ids)
    if not dossier_ids:
        return {}
    rows = list(
        Answer.objects.filter(dossier_id__in=dossier_ids).values(
            "id",
            "dossier_id",
            "indicator__code",
            "met",
            "value",
            "note",
            "dossier__status",
        )
    )
    files: dict[int, list[str]] = {}
    for answer_id, name in Evidence.objects.filter(
        answer__dossier_id__in=dossier_ids
    ).values_list("answer_id", "original_name"):
        files.setdefault(answer_id, []).append(name)
    answers: dict[int, dict[str, DeclaredAnswer]] = {}
    for row in rows:
        answers.setdefault(row["dossier_id"], {})[row["indicator__code"]] = (
            DeclaredAnswer(
                met=row["met"],
                value=row["value"],
                evidence=tuple(files.get(row["id"], ())),
                note=row["note"],
                verified=row["dossier__status"] in VERIFIED_STATUSES,
            )
        )
    return answers


def holds_title(prefix: str = "") -> Q:
    """The one definition of holding a title, as a filter on dossiers.

    A subject holds its model's title for a year once a decision recognised its
    dossier of that year (and it was not revoked). A passing evaluation, a
    self-assessed or verified dossier is "meets the criteria, awaiting" at most,
    never a holder. ``prefix`` reaches dossiers from another model ("dossier__").
    """
    return Q(
        **{
            f"{prefix}status": DossierStatus.RECOGNISED,
            f"{prefix}decision__isnull": False,
        }
    )


def title_holders(*, model: str, year: int, keys=None, commune=None) -> set[str]:
    """Subject keys holding the title of ``model`` for ``year`` (among ``keys``)."""
    dossiers = Dossier.objects.filter(holds_title(), model=model, year=year)
    if keys is not None:
        dossiers = dossiers.filter(subject_key__in=list(keys))
    if commune is not None:
        dossiers = dossiers.filter(commune=commune)
    return set(dossiers.values_list("subject_key", flat=True))

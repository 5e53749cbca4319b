"""Criteria sets change by new versions, never in place once used."""

import datetime

from django.db import transaction
from django.db.models import Max

from lms.recognition.constants import AuditAction, SetStatus
from lms.recognition.models import CriteriaSet, Criterion, Indicator
from lms.recognition.services.audit import record


class CriteriaInUseError(Exception):
    """Raised when code tries to change a criteria set that has been used."""


def is_in_use(criteria_set: CriteriaSet) -> bool:
    """Used once a dossier or an evaluation points at it."""
    return criteria_set.dossiers.exists() or criteria_set.evaluations.exists()


def draft_successor(criteria_set: CriteriaSet) -> CriteriaSet | None:
    return criteria_set.next_versions.filter(status=SetStatus.DRAFT).first()


@transaction.atomic
def new_version(*, criteria_set: CriteriaSet, actor=None) -> CriteriaSet:
    """A draft copy of the set, criteria and indicators, as the next version.

    An existing draft successor is returned instead of a second copy.
    """
    existing = draft_successor(criteria_set)
    if existing is not None:
        return existing
    copy = copy_set(criteria_set)
    record(
        action=AuditAction.CRITERIA_VERSIONED,
        actor=actor,
        criteria_set=copy,
        summary=f"{criteria_set} → v{copy.version}",
    )
    return copy


def copy_set(
    criteria_set,
    *,
    status: str = SetStatus.DRAFT,
    models=(CriteriaSet, Criterion, Indicator),
):
    """Copy a set with its criteria and indicators as the code's next version.

    ``models`` lets a data migration pass its historical model classes.
    """
    set_model, criterion_model, indicator_model = models
    latest = set_model.objects.filter(code=criteria_set.code).aggregate(
        v=Max("version")
    )["v"]
    copy = set_model.objects.create(
        code=criteria_set.code,
        version=latest + 1,
        name=criteria_set.name,
        model=criteria_set.model,
        scope=criteria_set.scope,
        legal_source=criteria_set.legal_source,
        valid_from=criteria_set.valid_from,
        valid_to=criteria_set.valid_to,
        status=status,
        pass_points=criteria_set.pass_points,
        bands=criteria_set.bands,
        notes=criteria_set.notes,
        previous=criteria_set,
    )
    for criterion in criterion_model.objects.filter(criteria_set=criteria_set):
        new_criterion = criterion_model.objects.create(
            criteria_set=copy,
            number=criterion.number,
            title=criterion.title,
            points=criterion.points,
            sort_order=criterion.sort_order,
        )
        indicator_model.objects.bulk_create(
            indicator_model(
                criterion=new_criterion,
                **{field: getattr(indicator, field) for field in _INDICATOR_FIELDS},
            )
            for indicator in indicator_model.objects.filter(criterion=criterion)
        )
    return copy


_INDICATOR_FIELDS = [
    "code",
    "text",
    "kind",
    "metric",
    "threshold",
    "points",
    "level",
    "required",
    "evidence_required",
    "unconfirmed",
    "help_text",
    "sort_order",
]


def matching_indicator(indicator: Indicator, criteria_set: CriteriaSet) -> Indicator:
    return Indicator.objects.get(
        criterion__criteria_set=criteria_set,
        criterion__number=indicator.criterion.number,
        code=indicator.code,
    )


@transaction.atomic
def edit_indicator(*, indicator: Indicator, actor=None, **changes) -> Indicator:
    """Apply ``changes``; on a set in use they go to a new draft version instead.

    Returns the indicator that was changed (the copy when a version was made).
    """
    criteria_set = indicator.criterion.criteria_set
    if is_in_use(criteria_set):
        copy = new_version(criteria_set=criteria_set, actor=actor)
        indicator = matching_indicator(indicator, copy)
    for field, value in changes.items():
        if field not in _INDICATOR_FIELDS:
            raise ValueError(f"Indicator field {field} cannot be edited here.")
        setattr(indicator, field, value)
    indicator.save()
    record(
        action=AuditAction.CORRECTED,
        actor=actor,
        criteria_set=indicator.criterion.criteria_set,
        summary=f"{indicator.code}: {', '.join(sorted(changes))}",
        data={k: str(v) for k, v in changes.items()},
    )
    return indicator


def ensure_editable(criteria_set: CriteriaSet) -> None:
    if is_in_use(criteria_set):
        raise CriteriaInUseError(
            f"{criteria_set} is in use; edit a new version instead."
        )


@transaction.atomic
def activate(
    *, criteria_set: CriteriaSet, actor=None, valid_from: datetime.date | None = None
) -> CriteriaSet:
    """Make this version the active one of its code; the others are retired."""
    others = CriteriaSet.objects.filter(
        code=criteria_set.code, status=SetStatus.ACTIVE
    ).exclude(pk=criteria_set.pk)
    for other in others:
        other.status = SetStatus.RETIRED
        other.save(update_fields=["status"])
    criteria_set.status = SetStatus.ACTIVE
    if valid_from is not None:
        criteria_set.valid_from = valid_from
    criteria_set.save(update_fields=["status", "valid_from"])
    record(
        action=AuditAction.CORRECTED,
        actor=actor,
        criteria_set=criteria_set,
        summary=f"{criteria_set} activated",
    )
    return criteria_set

"""`{% recognition_status user %}`: the learning-citizen status for My learning;
`missing_reason`: why a criterion is not met."""

from django import template
from django.utils import timezone

from lms.recognition import reasons
from lms.recognition.constants import LearningModel
from lms.recognition.models import Dossier, Evaluation, subject_key

register = template.Library()


@register.inclusion_tag("recognition/includes/status.html")
def recognition_status(user, year=None):
    """Two queries: the person's dossier and stored evaluation for the year."""
    year = year or timezone.localdate().year
    if not getattr(user, "is_authenticated", False):
        return {"show": False}
    key = subject_key("person", user.pk)
    dossier = Dossier.objects.filter(
        model=LearningModel.CITIZEN, year=year, subject_key=key
    ).first()
    evaluation = (
        Evaluation.objects.filter(
            model=LearningModel.CITIZEN, year=year, subject_key=key
        )
        .only("passed", "explanation")
        .first()
    )
    met = total = 0
    if evaluation is not None:
        rows = evaluation.explanation["indicators"]
        total, met = len(rows), sum(1 for row in rows if row["passed"])
    return {
        "show": True,
        "year": year,
        "dossier": dossier,
        "evaluation": evaluation,
        "met": met,
        "total": total,
    }


@register.filter
def missing_reason(row, for_subject=False):
    """`{{ row|missing_reason:for_subject }}`: why a criterion is not met, in words."""
    return reasons.missing_reason(row, for_subject=bool(for_subject))


@register.filter
def under_review(rows) -> str:
    """`{{ result.indicators|under_review }}`: "all", "some" or "" of the criteria
    still being reviewed, so the page explains it once instead of on every line."""
    flags = [
        bool(row.get("unconfirmed") if isinstance(row, dict) else row.unconfirmed)
        for row in rows
    ]
    if flags and all(flags):
        return "all"
    return "some" if any(flags) else ""

"""Why a criterion is not met, in words a resident or an officer reads.

The engine says what is missing as a short code ("below threshold", "evidence
missing"); these functions turn a result row into a sentence with the gap in the
figure's own unit. Residents are addressed directly ("Còn thiếu 2 giờ học"),
officers read the same fact in neutral wording.
"""

import math

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.recognition.constants import Metric

_HOURS = {Metric.LEARNING_HOURS, Metric.ONLINE_HOURS, Metric.IN_PERSON_HOURS}


def _gap_text(metric: str, gap: float) -> str:
    if metric in _HOURS:
        hours = math.ceil(gap * 10) / 10
        return _("%(hours)s hours of learning") % {
            "hours": f"{hours:g}".replace(".", ",")
        }
    count = math.ceil(gap)
    if metric == Metric.COURSES_COMPLETED:
        return ngettext("%(n)d completed course", "%(n)d completed courses", count) % {
            "n": count
        }
    if metric == Metric.CERTIFICATES:
        return ngettext("%(n)d certificate", "%(n)d certificates", count) % {"n": count}
    if metric == Metric.CLASSES_ATTENDED:
        return ngettext("%(n)d class attended", "%(n)d classes attended", count) % {
            "n": count
        }
    if metric.endswith("_share"):
        return _("%(n)d percentage points") % {"n": count}
    return f"{gap:g}"


def missing_reason(row, *, for_subject: bool) -> str:
    """One sentence for a row that is not met; empty for a met row."""
    if row.passed:
        return ""
    missing = row.missing
    if missing == "below threshold" and row.threshold is not None:
        gap = _gap_text(row.metric, row.threshold - float(row.value))
        if for_subject:
            return _("%(gap)s still to go") % {"gap": gap}
        return _("%(gap)s short of the threshold") % {"gap": gap}
    if missing == "no data":
        if for_subject:
            return _("Nothing recorded yet this year")
        return _("No data recorded for the year")
    if missing == "not answered":
        if for_subject:
            return _("You have not answered yet")
        return _("Not declared")
    if missing == "evidence missing":
        if for_subject:
            return _("No evidence attached yet")
        return _("Evidence missing")
    if for_subject:
        return _("Your answer says this is not met yet")
    return _("Declared as not met")

"""Whether time a learner's device claims could really have been spent learning.

Pure rules over plain values: the caller loads what the learner already has on
record (the previous and next accepted time events, the lesson's and the day's
credited seconds, the enrolment date) and credits the time only when no rule
objects. Each rejection carries a stable machine code for clients and a reason in
the request's language for people.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils.translation import gettext as _


class Code:
    FUTURE = "future"
    BEFORE_ENROLMENT = "before_enrolment"
    TOO_LONG_FOR_SPAN = "too_long_for_span"
    OVERLAPS_LATER = "overlaps_later"
    LESSON_LIMIT = "lesson_limit"
    DAILY_LIMIT = "daily_limit"


@dataclass(frozen=True)
class Limits:
    """The configurable bounds (settings LMS_*)."""

    daily_cap_seconds: int
    lesson_multiple: float
    tolerance: timedelta
    clock_skew: timedelta

    @classmethod
    def from_settings(cls) -> "Limits":
        return cls(
            daily_cap_seconds=round(settings.LMS_DAILY_TIME_CAP_HOURS * 3600),
            lesson_multiple=settings.LMS_LESSON_TIME_MULTIPLE,
            tolerance=timedelta(seconds=settings.LMS_TIME_SPAN_TOLERANCE_SECONDS),
            clock_skew=timedelta(seconds=settings.LMS_CLOCK_SKEW_SECONDS),
        )


@dataclass(frozen=True)
class TimeClaim:
    """A device's claim: ``seconds`` spent on a lesson, ending at ``at``."""

    seconds: int
    at: datetime

    @property
    def starts_at(self) -> datetime:
        return self.at - timedelta(seconds=self.seconds)


@dataclass(frozen=True)
class LearnerRecord:
    """What is already credited, as far as the claim is concerned."""

    now: datetime
    enrolled_at: datetime
    # End of the latest accepted time event ending at or before the claim.
    previous_at: datetime | None
    # Start of the earliest accepted time event ending after the claim.
    next_starts_at: datetime | None
    lesson_seconds: int
    lesson_length_seconds: int
    day_seconds: int


@dataclass(frozen=True)
class Rejection:
    code: str
    reason: str


def _minutes(seconds: float) -> int:
    return max(1, round(seconds / 60))


def credited_seconds(*, claim: TimeClaim, record: LearnerRecord) -> int:
    """The seconds an accepted claim adds: its overlap with the neighbouring
    recorded times (forgiven up to the tolerance, for phones' clocks) counts once,
    so many small overlaps cannot add up to time that never passed."""
    overlap = timedelta(0)
    if record.previous_at is not None and claim.starts_at < record.previous_at:
        overlap += record.previous_at - claim.starts_at
    if record.next_starts_at is not None and claim.at > record.next_starts_at:
        overlap += claim.at - record.next_starts_at
    return max(0, claim.seconds - round(overlap.total_seconds()))


def check_time(
    *, claim: TimeClaim, record: LearnerRecord, limits: Limits
) -> Rejection | None:
    """The first rule the claim breaks, or None when it may be credited."""
    if claim.at > record.now + limits.clock_skew:
        return Rejection(Code.FUTURE, _("The event time is in the future."))
    if claim.starts_at < record.enrolled_at - limits.tolerance:
        return Rejection(
            Code.BEFORE_ENROLMENT,
            _("This time falls before you enrolled in the course."),
        )
    # One person learns one thing at a time: claimed stretches may not overlap.
    if (
        record.previous_at is not None
        and claim.starts_at < record.previous_at - limits.tolerance
    ):
        return Rejection(
            Code.TOO_LONG_FOR_SPAN,
            _(
                "More time is claimed than has passed since your previous "
                "learning time was recorded."
            ),
        )
    if (
        record.next_starts_at is not None
        and claim.at > record.next_starts_at + limits.tolerance
    ):
        return Rejection(
            Code.OVERLAPS_LATER,
            _("This time overlaps learning time already recorded."),
        )
    lesson_cap = round(limits.lesson_multiple * record.lesson_length_seconds)
    if record.lesson_seconds + claim.seconds > lesson_cap:
        return Rejection(
            Code.LESSON_LIMIT,
            _("At most %(minutes)s minutes of learning time count for this lesson.")
            % {"minutes": _minutes(lesson_cap)},
        )
    if record.day_seconds + claim.seconds > limits.daily_cap_seconds:
        return Rejection(
            Code.DAILY_LIMIT,
            _("At most %(hours)s hours of online learning count per day.")
            % {"hours": f"{limits.daily_cap_seconds / 3600:g}"},
        )
    return None

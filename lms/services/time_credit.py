"""Crediting measured learning time: plausible claims only, each counted once.

Called by the event service inside the transaction that stored the event's row, so
a rejection here rolls the row back and a resent id is still refused as a duplicate
once accepted. The learner's row is locked first: two requests of one learner are
checked one after the other, never both against the same totals.
"""

import bisect
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from operator import itemgetter

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from cms.models import LessonPage
from lms.models import (
    DailyLearning,
    Enrolment,
    EventType,
    LessonProgress,
    ProgressEvent,
    User,
)
from lms.models.assessment import Quiz
from lms.services import progress as rules
from lms.services.lesson_length import lesson_length
from lms.services.plausibility import (
    LearnerRecord,
    Limits,
    Rejection,
    TimeClaim,
    check_time,
    credited_seconds,
)

# Time events in the order their neighbours are judged: by time, then, for two that
# end at the same moment, by the id the device gave them. That id comes with the event
# and stays the same when a batch is sent again, while the row's own key is a fresh
# random UUID at each attempt (and ``received_at`` the moment it arrived): so a tie is
# settled the same way whichever request stores the events, in whatever order, and on
# SQLite and PostgreSQL alike (both order UUIDs by their bytes, as Python does).
TIME_ORDER = ("at", "client_event_id")


def _neighbours(
    *, learner: User, at: datetime, event_id: uuid.UUID
) -> tuple[datetime | None, datetime | None]:
    """End of the accepted time event before ``at``, start of the one after it."""
    times = ProgressEvent.objects.filter(
        learner=learner, type=EventType.LESSON_TIME
    ).exclude(client_event_id=event_id)
    previous_at = (
        times.filter(at__lte=at).order_by("-at").values_list("at", flat=True).first()
    )
    later = (
        times.filter(at__gt=at)
        .order_by(*TIME_ORDER)
        .values_list("at", "payload")
        .first()
    )
    next_starts_at = (
        later[0] - timedelta(seconds=later[1].get("seconds", 0)) if later else None
    )
    return previous_at, next_starts_at


class TimeLine:
    """A learner's accepted time events around one batch's times, read once.

    Each time event needs the accepted time events just before and just after it
    (`_neighbours`): two queries an event. A batch reads, on its first time event,
    the last one at or before the batch's earliest time, all of them up to its
    latest, and the first one after that; then adds each event it accepts. The
    learner's row is locked for the whole batch, so no other request adds any.
    An event outside the range read (its time not as the batch announced) asks
    the database as before. Events are kept in `TIME_ORDER`, as the database
    returns them, so an event's neighbours are the same read from memory or not.
    """

    def __init__(self, *, start: datetime, end: datetime):
        self.start, self.end = start, end
        self._loaded = False
        # (at, client event id, seconds), in TIME_ORDER.
        self._events: list[tuple[datetime, uuid.UUID, int]] = []

    def _load(self, learner: User, event_id: uuid.UUID) -> None:
        # The event being checked is already stored (in its savepoint): not its own
        # neighbour.
        times = ProgressEvent.objects.filter(
            learner=learner, type=EventType.LESSON_TIME
        ).exclude(client_event_id=event_id)
        fields = ("at", "client_event_id", "payload")
        rows = []
        before = times.filter(at__lte=self.start).order_by("-at", "-client_event_id")
        rows += before.values_list(*fields)[:1]
        inside = times.filter(at__gt=self.start, at__lte=self.end)
        rows += inside.order_by(*TIME_ORDER).values_list(*fields)
        after = times.filter(at__gt=self.end).order_by(*TIME_ORDER)
        rows += after.values_list(*fields)[:1]
        for at, client_event_id, payload in rows:
            self.add(at=at, event_id=client_event_id, seconds=payload.get("seconds", 0))
        self._loaded = True

    def neighbours(
        self, *, learner: User, at: datetime, event_id: uuid.UUID
    ) -> tuple[datetime | None, datetime | None]:
        """As `_neighbours`, from memory when `at` is within the range read."""
        if not self.start <= at <= self.end:
            return _neighbours(learner=learner, at=at, event_id=event_id)
        if not self._loaded:
            self._load(learner, event_id)
        index = bisect.bisect_right(self._events, at, key=itemgetter(0))
        previous_at = self._events[index - 1][0] if index else None
        if index < len(self._events):
            next_at, _id, next_seconds = self._events[index]
            next_starts_at = next_at - timedelta(seconds=next_seconds)
        else:
            next_starts_at = None
        return previous_at, next_starts_at

    def add(self, *, at: datetime, event_id: uuid.UUID, seconds: int) -> None:
        """An accepted time event, in its place in `TIME_ORDER`."""
        bisect.insort(self._events, (at, event_id, seconds), key=itemgetter(0, 1))


def _add_daily(*, learner: User, day, seconds: int) -> None:
    updated = DailyLearning.objects.filter(learner=learner, day=day).update(
        online_seconds=F("online_seconds") + seconds
    )
    if updated:
        return
    try:
        with transaction.atomic():
            DailyLearning.objects.create(
                learner=learner,
                day=day,
                commune_id=learner.commune_id,
                online_seconds=seconds,
            )
    except IntegrityError:
        DailyLearning.objects.filter(learner=learner, day=day).update(
            online_seconds=F("online_seconds") + seconds
        )


@dataclass
class Known:
    """What a batch already knows, its learner's row locked for the whole batch:
    the enrolment's start and the seconds counted per day (kept up to date here)."""

    enrolled_at: datetime | None
    day_seconds: dict = field(default_factory=dict)
    timeline: TimeLine | None = None
    # Seconds accepted per local day, added to the days' rows once, at the end of
    # the batch (`add_daily_seconds`): nothing reads those rows meanwhile.
    unsaved_day_seconds: dict | None = None


def add_daily_seconds(*, learner: User, seconds_by_day: dict) -> None:
    """Add a batch's accepted seconds to the learner's daily rows, one write a day."""
    for day, seconds in seconds_by_day.items():
        if seconds:
            _add_daily(learner=learner, day=day, seconds=seconds)


def _day_seconds(*, learner: User, day, known: Known | None) -> int:
    if known is not None and day in known.day_seconds:
        return known.day_seconds[day]
    seconds = (
        DailyLearning.objects.filter(learner=learner, day=day)
        .values_list("online_seconds", flat=True)
        .first()
    ) or 0
    if known is not None:
        known.day_seconds[day] = seconds
    return seconds


# The caller's savepoint (one per event) already isolates a failure: none of its own.
@transaction.atomic(savepoint=False)
def credit_time(
    *,
    learner: User,
    lesson: LessonPage,
    course_id: int,
    timeline: list[rules.MediaSpan],
    event_id: uuid.UUID,
    at: datetime,
    seconds: int,
    known: Known | None = None,
    progress: LessonProgress | None = None,
) -> Rejection | None:
    """Add the seconds to the lesson and the day if plausible; else say why not.

    ``known``: given by a batch that already locked the learner's row in its own
    transaction and fetched the enrolment (and read its time line); saves those
    queries on every event. ``progress``: the learner's row for the lesson, locked
    by the batch (and kept up to date here); otherwise it is locked here.
    """
    if known is None:
        list(User.objects.select_for_update().filter(pk=learner.pk).values_list("pk"))
        enrolled_at = (
            Enrolment.objects.filter(
                learner=learner, course_id=course_id, unenrolled_at__isnull=True
            )
            .values_list("enrolled_at", flat=True)
            .first()
        )
    else:
        enrolled_at = known.enrolled_at
    if known is not None and known.timeline is not None:
        previous_at, next_starts_at = known.timeline.neighbours(
            learner=learner, at=at, event_id=event_id
        )
    else:
        previous_at, next_starts_at = _neighbours(
            learner=learner, at=at, event_id=event_id
        )
    if progress is None:
        progress = rules.lock_progress(learner=learner, lesson=lesson)
    length = lesson_length(lesson, media_seconds=sum(s.duration for s in timeline))
    day = timezone.localdate(at)
    day_seconds = _day_seconds(learner=learner, day=day, known=known)
    claim = TimeClaim(seconds=seconds, at=at)
    record = LearnerRecord(
        now=timezone.now(),
        enrolled_at=enrolled_at or at,
        previous_at=previous_at,
        next_starts_at=next_starts_at,
        lesson_seconds=progress.seconds_spent,
        lesson_length_seconds=length.total_seconds,
        day_seconds=day_seconds or 0,
    )
    rejection = check_time(claim=claim, record=record, limits=Limits.from_settings())
    if rejection:
        return rejection
    seconds = credited_seconds(claim=claim, record=record)
    LessonProgress.objects.filter(pk=progress.pk).update(
        seconds_spent=F("seconds_spent") + seconds
    )
    if known is not None and known.unsaved_day_seconds is not None:
        unsaved = known.unsaved_day_seconds
        unsaved[day] = unsaved.get(day, 0) + seconds
    else:
        _add_daily(learner=learner, day=day, seconds=seconds)
    if known is not None:
        known.day_seconds[day] = day_seconds + seconds
        if known.timeline is not None:
            known.timeline.add(at=at, event_id=event_id, seconds=seconds)
    progress.seconds_spent += seconds
    if (
        progress.completed_at is None
        and not length.media_seconds
        and progress.seconds_spent >= length.reading_seconds
    ):
        # A text lesson completes once its reading time is measured (unless it
        # has a quiz, which then decides).
        rules.complete_if_met(
            learner=learner,
            lesson=lesson,
            course_id=course_id,
            rule=rules.lesson_rule(
                has_quiz=Quiz.objects.filter(lesson=lesson).exists(), length=length
            ),
            progress=progress,
        )
    return None

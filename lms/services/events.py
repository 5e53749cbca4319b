"""Progress events from learners' devices, each applied exactly once.

A device queues events while offline and sends them later, maybe twice. The event's
own id (a UUID chosen by the device) is stored with the learner, unique per learner:
ids the learner already sent are looked up once per batch, and the row is inserted
first in the event's savepoint, so a resent id also fails on the database's unique
index when two copies arrive at once, and nothing is counted twice. The same id from
another learner is another event: ids never leak across learners.

A batch is one transaction (one commit, what costs most per request) with one
savepoint per event, so one rejected event rolls back its own writes only. What the
events name (lessons, their courses, quizzes, the learner's enrolments and known
ids) is fetched once for the whole batch. The learner's progress rows of the lessons
named are locked once, in one query in lesson order, before the first savepoint: a
lock taken there outlives any event's rollback, and two requests that lock the same
rows take them in the same order.
"""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from wagtail.models import Page

from cms.models import LessonPage
from cms.translations import source_page_ids
from lms.models import EventType, LessonProgress, ProgressEvent, User
from lms.models.assessment import Quiz
from lms.serializers import MAX_ID, EventIdField, EventSerializer, first_error
from lms.services import progress as rules
from lms.services.plausibility import Rejection
from lms.services.quizzes import QuizRefused, submit_quiz
from lms.services.time_credit import (
    Known,
    TimeLine,
    add_daily_seconds,
    credit_time,
)
from lms.services.watch_time import check_watched

# A device's clock may run a little ahead of the server's.
CLOCK_SKEW = timedelta(minutes=5)
# No single time event may claim more than this.
MAX_SECONDS_PER_EVENT = 4 * 3600
# Media players report positions a little past the end.
MEDIA_END_TOLERANCE = 2.0


# Events whose lesson's progress row the batch locks and writes.
PROGRESS_TYPES = frozenset(
    {EventType.LESSON_TIME, EventType.MEDIA_WATCHED, EventType.LESSON_COMPLETED}
)


def _writes_progress(data) -> bool:
    # Any JSON may come in: a list as the type is not an error here.
    kind = data.get("type") if isinstance(data, dict) else None
    return isinstance(kind, str) and kind in PROGRESS_TYPES


class Status:
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


@dataclass(frozen=True)
class EventResult:
    id: str
    status: str
    reason: str = ""
    detail: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        data = {"id": self.id, "status": self.status}
        if self.reason:
            data["reason"] = self.reason
        if self.detail:
            data.update(self.detail)
        return data


class EventRejected(Exception):
    def __init__(self, reason: str, code: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.code = code


@dataclass(frozen=True)
class LessonInfo:
    lesson: LessonPage
    course_id: int
    timeline: list[rules.MediaSpan]


@dataclass
class Batch:
    """What events of one request share, each fetched once: the learner's courses,
    the lessons and quizzes named, and the event ids the learner already sent."""

    learner: User
    now: datetime = field(default_factory=timezone.now)
    known_ids: set[uuid.UUID] = field(default_factory=set)
    # course id -> enrolled_at of the learner's current enrolments.
    _enrolments: dict[int, datetime] | None = None
    # Seconds already counted per local day: the learner's row is locked for the
    # whole batch (see `lock_learner`), so only this batch can change them.
    _day_seconds: dict = field(default_factory=dict)
    learner_locked: bool = False
    _lessons: dict[int, LessonInfo | None] = field(default_factory=dict)
    _quizzes: dict[int, Quiz | None] = field(default_factory=dict)
    # One serializer checks every event's shape: building its fields is not free.
    shape: EventSerializer = field(default_factory=EventSerializer)
    # The learner's time events around the batch's times, read once (time_credit).
    timeline: TimeLine | None = None
    # Seconds accepted per day, written to the daily rows once, at the batch's end.
    unsaved_day_seconds: dict = field(default_factory=dict)
    # lesson id -> the learner's progress row, locked for the whole batch
    # (`lock_progress_rows`) and kept up to date by the events that write it.
    _progress: dict[int, LessonProgress] = field(default_factory=dict)
    progress_locked: bool = False
    # The rows the event being applied used: forgotten if its savepoint rolls back.
    _progress_used: set[int] = field(default_factory=set)

    def preload(self, events: list) -> None:
        """One query each for the ids, lessons, parents and quizzes the events name."""
        events = [data for data in events if isinstance(data, dict)]
        ids = {_uuid_or_none(data.get("id")) for data in events} - {None}
        if ids:
            self.known_ids |= set(
                ProgressEvent.objects.filter(
                    learner=self.learner, client_event_id__in=ids
                ).values_list("client_event_id", flat=True)
            )
        self._load_lessons(_ids_named(events, "lesson") - self._lessons.keys())
        times = _times_of(events, EventType.LESSON_TIME, now=self.now)
        if times:
            self.timeline = TimeLine(start=min(times), end=max(times))
        quiz_ids = _ids_named(events, "quiz") - self._quizzes.keys()
        if quiz_ids:
            found = Quiz.objects.in_bulk(quiz_ids)
            self._quizzes.update({pk: found.get(pk) for pk in quiz_ids})

    def _load_lessons(self, lesson_ids: set[int]) -> None:
        if not lesson_ids:
            return
        # An event on a translated lesson counts for its Vietnamese source.
        sources = source_page_ids(lesson_ids)
        lessons = list(LessonPage.objects.live().filter(pk__in=sources.values()))
        step = LessonPage.steplen
        parents = dict(
            Page.objects.filter(
                path__in={lesson.path[:-step] for lesson in lessons}
            ).values_list("path", "pk")
        )
        self._lessons.update(dict.fromkeys(lesson_ids))
        infos = {
            lesson.pk: LessonInfo(
                lesson=lesson,
                course_id=parents[lesson.path[:-step]],
                timeline=rules.media_timeline(lesson),
            )
            for lesson in lessons
        }
        for lesson_id in lesson_ids:
            self._lessons[lesson_id] = infos.get(sources[lesson_id])

    def enrolments(self) -> dict[int, datetime]:
        if self._enrolments is None:
            self._enrolments = {}
            for course_id, enrolled_at in (
                self.learner.enrolments.filter(unenrolled_at__isnull=True)
                .order_by("pk")
                .values_list("course_id", "enrolled_at")
            ):
                self._enrolments.setdefault(course_id, enrolled_at)
        return self._enrolments

    def enrolled_courses(self):
        return self.enrolments().keys()

    def credit_known(self, course_id: int) -> Known:
        return Known(
            enrolled_at=self.enrolments().get(course_id),
            day_seconds=self._day_seconds,
            timeline=self.timeline,
            unsaved_day_seconds=self.unsaved_day_seconds,
        )

    def lock_learner(self) -> None:
        """Lock the learner's row once, in the batch's own transaction.

        Taken before any event's savepoint: a lock taken inside one would be lost
        when that savepoint rolls back. Two requests of one learner then credit
        time one after the other, as `credit_time` requires.
        """
        if not self.learner_locked:
            list(
                User.objects.select_for_update()
                .filter(pk=self.learner.pk)
                .values_list("pk")
            )
            self.learner_locked = True

    def lock_progress_rows(self, events: list) -> None:
        """Lock the learner's progress rows of the lessons the events name, once.

        One query, in lesson order (two batches never wait for each other in a
        cycle), in the batch's own transaction before any event's savepoint. Rows
        not there yet are made by the first event that needs one
        (`progress_of`), so a rejected event leaves no row behind.
        """
        lesson_ids = set()
        for data in events:
            if not _writes_progress(data):
                continue
            lesson_id = data.get("lesson")
            info = self._lessons.get(lesson_id) if type(lesson_id) is int else None
            if info is not None and info.course_id in self.enrolled_courses():
                lesson_ids.add(info.lesson.pk)
        if lesson_ids:
            rows = (
                LessonProgress.objects.select_for_update()
                .filter(learner=self.learner, lesson_id__in=sorted(lesson_ids))
                .order_by("lesson_id")
            )
            self._progress = {row.lesson_id: row for row in rows}
        self.progress_locked = True

    def progress_of(self, lesson: LessonPage) -> LessonProgress | None:
        """The learner's locked progress row for the lesson (made if new), or None
        when the batch locked none: the caller then locks it itself."""
        if not self.progress_locked:
            return None
        progress = self._progress.get(lesson.pk)
        if progress is None:
            progress = self._progress[lesson.pk] = rules.lock_progress(
                learner=self.learner, lesson=lesson
            )
        self._progress_used.add(lesson.pk)
        return progress

    def event_rolled_back(self) -> None:
        """The event's writes are undone: forget the rows it used (a row it made
        is gone; one it changed is read again, still locked by this batch)."""
        for lesson_id in self._progress_used:
            self._progress.pop(lesson_id, None)
        self._progress_used.clear()

    def forget_progress(self) -> None:
        self._progress.clear()
        self._progress_used.clear()

    def lesson(self, lesson_id: int) -> LessonInfo | None:
        if lesson_id not in self._lessons:
            self._load_lessons({lesson_id})
        return self._lessons[lesson_id]

    def quiz(self, quiz_id: int) -> Quiz | None:
        if quiz_id not in self._quizzes:
            self._quizzes[quiz_id] = Quiz.objects.filter(pk=quiz_id).first()
        return self._quizzes[quiz_id]


def _uuid_or_none(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _times_of(events: list[dict], kind: str, *, now: datetime) -> list[datetime]:
    """The times the events of this type say, as the serializer will read them
    (a time without offset is local), but for those refused anyway (in the future,
    or beyond what the database stores); the serializer judges the rest per event."""
    times = []
    for data in events:
        if data.get("type") != kind or not isinstance(data.get("at"), str):
            continue
        try:
            at = parse_datetime(data["at"])
            if at is not None:
                at = timezone.make_aware(at) if timezone.is_naive(at) else at
                at.astimezone(UTC)  # within the years a database stores
        except (ValueError, OverflowError):
            continue
        if at is not None and at <= now + CLOCK_SKEW:
            times.append(at)
    return times


def _ids_named(events: list[dict], key: str) -> set[int]:
    """Plausible row ids under `key`; the serializer judges the rest per event."""
    return {
        data[key]
        for data in events
        if type(data.get(key)) is int and 0 < data[key] <= MAX_ID
    }


@dataclass(frozen=True)
class ValidEvent:
    id: uuid.UUID
    type: str
    info: LessonInfo | None
    at: datetime
    payload: dict
    quiz: Quiz | None = None


def _number(data: dict, key: str) -> float:
    """A number the event's type needs (the serializer made it a finite float)."""
    if data.get(key) is None:
        raise EventRejected(_("“%(key)s” must be a number.") % {"key": key})
    return data[key]


def _integer(data: dict, key: str) -> int:
    """An id the event's type needs (the serializer bounded it to 1…2⁶³−1)."""
    if data.get(key) is None:
        raise EventRejected(_("“%(key)s” must be a whole number.") % {"key": key})
    return data[key]


def _when(data: dict, now: datetime) -> datetime:
    at = data["at"]  # aware: the serializer reads a time without offset as local
    if at > now + CLOCK_SKEW:
        raise EventRejected(_("The event time is in the future."))
    return at


def _well_formed(data: dict, batch: Batch) -> dict:
    """The event's fields typed and bounded (ids within 64 bits, finite numbers)."""
    try:
        return batch.shape.run_validation(data)
    except ValidationError as error:
        raise EventRejected(first_error(error.detail)) from None


def _plausibly_watched(
    *, data: dict, info: LessonInfo, span: rules.MediaSpan, at: datetime, batch: Batch
) -> dict:
    """What of the event's interval is credited, when it could have played
    (`watch_time`); the learner's row is locked for the batch, so events of one
    learner are judged one after the other."""
    credit = check_watched(
        learner=batch.learner,
        lesson=info.lesson,
        interval=[
            span.offset + data["from"],
            span.offset + min(data["to"], span.duration),
        ],
        at=at,
        enrolled_at=batch.enrolments()[info.course_id],
        now=batch.now,
    )
    if isinstance(credit, Rejection):
        raise EventRejected(credit.reason, code=credit.code)
    # Kept with the event: later checks place its playing from `credited`.
    return {"credited": credit.seconds, "credited_to": credit.interval[1] - span.offset}


def validate(data: dict, batch: Batch, event_id: uuid.UUID) -> ValidEvent:
    """Check one well-formed event (`EventSerializer`'s output) against the rules.

    Raise EventRejected with a clear reason.
    """
    kind = data["type"]
    at = _when(data, batch.now)
    info = None
    if kind != EventType.QUIZ_ANSWERED or data.get("lesson") is not None:
        info = batch.lesson(_integer(data, "lesson"))
        if info is None:
            raise EventRejected(_("This lesson does not exist."))
        if info.course_id not in batch.enrolled_courses():
            raise EventRejected(_("You are not enrolled in this lesson's course."))
    payload: dict = {}
    if kind == EventType.LESSON_TIME:
        seconds = _number(data, "seconds")
        if seconds <= 0:
            raise EventRejected(_("The time spent must be more than zero."))
        if seconds > MAX_SECONDS_PER_EVENT:
            raise EventRejected(_("The time spent in one event is too long."))
        payload = {"seconds": round(seconds)}
    elif kind == EventType.MEDIA_WATCHED:
        media_id = _integer(data, "media")
        span = next((s for s in info.timeline if s.media_id == media_id), None)
        if span is None:
            raise EventRejected(_("This media is not part of the lesson."))
        start, end = _number(data, "from"), _number(data, "to")
        if start < 0 or end <= start:
            raise EventRejected(_("The watched interval is not valid."))
        if span.duration and end > span.duration + MEDIA_END_TOLERANCE:
            raise EventRejected(
                _("The watched interval goes past the end of the media.")
            )
        if end - start > MAX_SECONDS_PER_EVENT:
            raise EventRejected(_("The watched interval is too long."))
        payload = {"media": media_id, "from": start, "to": end}
        if span.duration:
            payload |= _plausibly_watched(
                data=payload, info=info, span=span, at=at, batch=batch
            )
    elif kind == EventType.QUIZ_ANSWERED:
        quiz = batch.quiz(_integer(data, "quiz"))
        if quiz is None:
            raise EventRejected(_("This quiz does not exist."))
        course_id = quiz.course_id or (info.course_id if info else None)
        if quiz.lesson_id and (info is None or quiz.lesson_id != info.lesson.pk):
            raise EventRejected(_("This quiz does not belong to the lesson."))
        if course_id not in batch.enrolled_courses():
            raise EventRejected(_("You are not enrolled in this lesson's course."))
        answers = data.get("answers")
        if not isinstance(answers, dict):
            raise EventRejected(_("The answers are missing."))
        payload = {"quiz": quiz.pk, "answers": answers}
        return ValidEvent(
            id=event_id, type=kind, info=info, at=at, payload=payload, quiz=quiz
        )
    return ValidEvent(id=event_id, type=kind, info=info, at=at, payload=payload)


def _apply(event: ValidEvent, learner: User, batch: Batch) -> dict:
    info, payload = event.info, event.payload
    if event.type == EventType.LESSON_TIME:
        rejection = credit_time(
            learner=learner,
            known=batch.credit_known(info.course_id) if batch.learner_locked else None,
            lesson=info.lesson,
            course_id=info.course_id,
            timeline=info.timeline,
            event_id=event.id,
            at=event.at,
            seconds=payload["seconds"],
            progress=batch.progress_of(info.lesson),
        )
        if rejection:
            raise EventRejected(rejection.reason, code=rejection.code)
    elif event.type == EventType.LESSON_COMPLETED:
        check = rules.complete_if_met(
            learner=learner,
            lesson=info.lesson,
            course_id=info.course_id,
            rule=rules.rule_for(info.lesson, timeline=info.timeline),
            progress=batch.progress_of(info.lesson),
        )
        if not check.complete:
            raise EventRejected(check.missing, code="rule_not_met")
    elif event.type == EventType.MEDIA_WATCHED:
        span = next(s for s in info.timeline if s.media_id == payload["media"])
        if span.duration:
            rules.add_watched(
                learner=learner,
                lesson=info.lesson,
                course_id=info.course_id,
                timeline=info.timeline,
                interval=[
                    span.offset + payload["from"],
                    span.offset
                    + min(payload.get("credited_to", payload["to"]), span.duration),
                ],
                progress=batch.progress_of(info.lesson),
            )
    elif event.type == EventType.QUIZ_ANSWERED:
        try:
            _attempt, grade = submit_quiz(
                learner=learner, quiz=event.quiz, answers=payload["answers"]
            )
        except QuizRefused as refused:
            raise EventRejected(refused.reason, code=refused.code) from None
        # A passed quiz completes its lesson through its own read of the row:
        # the batch reads its rows again (still locked by it) when next needed.
        batch.forget_progress()
        return {"score": grade.score, "passed": grade.passed}
    return {}


class _AlreadyStored(Exception):
    """The event's row hit the unique index: another request stored it first."""


def record_event(
    *, learner: User, data: dict, batch: Batch | None = None
) -> EventResult:
    """Apply one progress event exactly once; a resent id is reported as a duplicate."""
    if batch is None:
        batch = Batch(learner=learner)
        batch.preload([data])
    raw_id = data.get("id") if isinstance(data, dict) else None
    try:
        event_id = EventIdField().run_validation(raw_id)
    except ValidationError as error:
        return EventResult(
            id=str(raw_id or "")[:64],
            status=Status.REJECTED,
            reason=first_error(error.detail),
        )
    if event_id in batch.known_ids:
        return EventResult(id=str(event_id), status=Status.DUPLICATE)
    try:
        event = validate(_well_formed(data, batch), batch, event_id)
    except EventRejected as rejected:
        return EventResult(
            id=str(event_id),
            status=Status.REJECTED,
            reason=rejected.reason,
            detail={"code": rejected.code} if rejected.code else {},
        )
    batch._progress_used.clear()
    try:
        with transaction.atomic():  # this event's savepoint within the batch
            try:
                ProgressEvent.objects.create(
                    client_event_id=event.id,
                    learner=learner,
                    type=event.type,
                    lesson=event.info.lesson if event.info else None,
                    at=event.at,
                    payload=event.payload,
                )
            except IntegrityError as error:
                raise _AlreadyStored from error
            detail = _apply(event, learner, batch)
    except _AlreadyStored:
        batch.event_rolled_back()
        batch.known_ids.add(event_id)
        return EventResult(id=str(event_id), status=Status.DUPLICATE)
    except EventRejected as rejected:
        # Implausible or not (yet) allowed: the stored row is rolled back with it.
        batch.event_rolled_back()
        return EventResult(
            id=str(event_id),
            status=Status.REJECTED,
            reason=rejected.reason,
            detail={"code": rejected.code} if rejected.code else {},
        )
    batch.known_ids.add(event_id)
    return EventResult(id=str(event_id), status=Status.ACCEPTED, detail=detail)


def record_events(*, learner: User, events: list) -> list[EventResult]:
    """Apply a batch in one transaction; one bad event never affects the others."""
    batch = Batch(learner=learner)
    batch.preload(events)
    results = []
    with transaction.atomic():
        # Every writer of progress rows (batches, quizzes) locks the learner first:
        # one learner's batches run one after the other, and a row a batch makes
        # cannot be made at once by another.
        if any(_writes_progress(data) for data in events):
            batch.lock_learner()
            batch.lock_progress_rows(events)
        for data in events:
            if not isinstance(data, dict):
                results.append(
                    EventResult(
                        id="",
                        status=Status.REJECTED,
                        reason=_("An event must be an object."),
                    )
                )
                continue
            results.append(record_event(learner=learner, data=data, batch=batch))
        add_daily_seconds(learner=learner, seconds_by_day=batch.unsaved_day_seconds)
    return results

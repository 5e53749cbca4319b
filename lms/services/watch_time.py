"""Whether media a learner's device says was watched could really have played.

A media.watched event says which stretch of a video or audio played; what it adds
is the growth of the union of that media's watched intervals (re-watching adds
nothing). Playing takes time: that growth needs at least ``growth / rate`` seconds
of wall-clock time (players offer up to 2x, ``LMS_MAX_PLAYBACK_RATE``), the stretch
ending at the event's time. As for lesson.time (`plausibility.check_time`), the
stretches of one learner's accepted watch events may not overlap beyond the clock
tolerance, whatever media or lesson they are of (one person plays one thing at a
time; two lessons may share a video): the growth is bounded by the time elapsed
since the learner's previous accepted watch event. Device clocks may be wrong by
minutes, so two more bounds are on the server's clock: everything watched since
enrolling cannot exceed ``rate`` times the time since enrolling (events dated in
the future buy nothing), and a stretch may start before enrolling only by the
clock skew the event times are allowed. So watching a one-hour video takes
at least half an hour, however the events are cut, batched or dated.

An event claiming more is refused, not clipped: its reason is one sentence staff
can repeat ("more was watched than time has passed"), an honest player never
meets it, and a refused event changes nothing, so the record stays what the
device said or nothing. Only within the clock tolerance is an event accepted
with less than it says (what could play, `credited_seconds`), as lesson.time
counts an overlap once: tolerance forgiven on every event would add up. The
seconds an accepted event added, and where its credited interval ends, are kept
in its payload (``credited``, ``credited_to``) so later checks can place it.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import FloatField, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.models import EventType, LessonProgress, ProgressEvent
from lms.services.plausibility import Rejection
from lms.services.progress import Interval, covered_seconds, merge_intervals


class Code:
    TOO_FAST = "watched_too_fast"
    OVERLAPS_LATER = "watched_overlaps_later"


@dataclass(frozen=True)
class WatchLimits:
    """The configurable bounds (settings LMS_*)."""

    rate: float
    tolerance: timedelta
    clock_skew: timedelta = timedelta(minutes=5)

    @classmethod
    def from_settings(cls) -> "WatchLimits":
        return cls(
            rate=float(settings.LMS_MAX_PLAYBACK_RATE),
            tolerance=timedelta(seconds=settings.LMS_TIME_SPAN_TOLERANCE_SECONDS),
            clock_skew=timedelta(seconds=settings.LMS_CLOCK_SKEW_SECONDS),
        )


@dataclass(frozen=True)
class WatchClaim:
    """``seconds`` of a media newly watched, the playing ending at ``at``."""

    seconds: float
    at: datetime

    def starts_at(self, limits: WatchLimits) -> datetime:
        return self.at - timedelta(seconds=self.seconds / limits.rate)


@dataclass(frozen=True)
class WatchRecord:
    """The learner's accepted watch events around the claim, and what the server's
    clock still allows."""

    enrolled_at: datetime
    # Time of the latest accepted watch event at or before the claim.
    previous_at: datetime | None
    # Start of the stretch of the earliest accepted watch event after the claim.
    next_starts_at: datetime | None
    # Seconds of media that may still be credited by the server's clock: rate x
    # time since enrolling, less what was credited since (None: not bounded).
    server_allowance: float | None = None


def new_seconds(existing: list[Interval], interval: Interval) -> float:
    """How much the interval grows the union of the watched intervals."""
    merged = merge_intervals([*existing, interval])
    return max(
        0.0, covered_seconds(merged) - covered_seconds(merge_intervals(existing))
    )


def check_watch(
    *, claim: WatchClaim, record: WatchRecord, limits: WatchLimits
) -> Rejection | None:
    """The rule the claim breaks, or None when it may be credited."""
    if claim.seconds <= 0:
        return None  # re-watching needs no time of its own
    starts_at = claim.starts_at(limits)
    too_early = starts_at < record.enrolled_at - limits.clock_skew or (
        record.previous_at is not None
        and starts_at < record.previous_at - limits.tolerance
    )
    beyond_server_clock = (
        record.server_allowance is not None
        and claim.seconds
        > record.server_allowance + limits.rate * limits.tolerance.total_seconds()
    )
    if too_early or beyond_server_clock:
        return Rejection(
            Code.TOO_FAST,
            _(
                "More of this video or audio is reported as watched than could "
                "have played since it was last watched."
            ),
        )
    if (
        record.next_starts_at is not None
        and claim.at > record.next_starts_at + limits.tolerance
    ):
        return Rejection(
            Code.OVERLAPS_LATER,
            _("This watching overlaps watching of this media already recorded."),
        )
    return None


def credited_seconds(
    *, claim: WatchClaim, record: WatchRecord, limits: WatchLimits
) -> float:
    """The seconds an accepted claim adds: what could have played in the time
    between its neighbours. The overlap the tolerance forgives counts once, so many
    events at one moment cannot add up to playing that never happened."""
    credited = claim.seconds
    if record.previous_at is not None:
        elapsed = claim.at - record.previous_at
        if record.next_starts_at is not None and claim.at > record.next_starts_at:
            elapsed -= claim.at - record.next_starts_at
        credited = min(credited, limits.rate * elapsed.total_seconds())
    if record.server_allowance is not None:
        credited = min(credited, record.server_allowance)
    return max(0.0, credited)


def clipped(existing: list[Interval], interval: Interval, seconds: float) -> Interval:
    """The leading part of ``interval`` that adds only ``seconds`` to the union
    of ``existing``."""
    start, end = interval
    added = 0.0
    position = start
    for gap_start, gap_end in _gaps(merge_intervals(existing), start, end):
        if added + (gap_end - gap_start) >= seconds:
            return [start, gap_start + (seconds - added)]
        added += gap_end - gap_start
        position = gap_end
    return [start, max(position, start)]


def _gaps(merged: list[Interval], start: float, end: float):
    """The parts of [start, end] that no merged interval covers, in order."""
    position = start
    for a, b in merged:
        if b <= position:
            continue
        if a >= end:
            break
        if a > position:
            yield position, a
        position = max(position, b)
    if position < end:
        yield position, end


def _starts_at(at: datetime, payload: dict, limits: WatchLimits) -> datetime:
    credited = payload.get("credited", 0) or 0
    return at - timedelta(seconds=credited / limits.rate)


def watch_record(
    *, learner, at: datetime, enrolled_at: datetime, now: datetime, limits
) -> WatchRecord:
    """The learner's accepted watch events (any media, any lesson) just before and
    after ``at``, and what the server's clock allows since enrolling."""
    events = ProgressEvent.objects.filter(learner=learner, type=EventType.MEDIA_WATCHED)
    # Watching queued before enrolling (another course's, sent later) is not
    # this enrolment's: only what was received since, and played since.
    credited_since = events.filter(
        received_at__gte=enrolled_at, at__gte=enrolled_at - limits.clock_skew
    ).aggregate(total=Sum(Cast(KT("payload__credited"), FloatField())))["total"]
    elapsed = max(0.0, (now - enrolled_at).total_seconds())
    previous_at = (
        events.filter(at__lte=at).order_by("-at").values_list("at", flat=True).first()
    )
    later = events.filter(at__gt=at).order_by("at").values_list("at", "payload")
    later = later.first()
    # Accepted stretches do not overlap: the next one's start is the bound.
    next_starts_at = _starts_at(*later, limits) if later else None
    return WatchRecord(
        enrolled_at=enrolled_at,
        previous_at=previous_at,
        next_starts_at=next_starts_at,
        server_allowance=limits.rate * elapsed - (credited_since or 0.0),
    )


def watched_intervals(*, learner, lesson) -> list[Interval]:
    return (
        LessonProgress.objects.filter(learner=learner, lesson=lesson)
        .values_list("watched_intervals", flat=True)
        .first()
    ) or []


@dataclass(frozen=True)
class Credit:
    """What an accepted watch event adds: ``seconds`` of new media, by playing
    ``interval`` of the lesson's media timeline (clipped when time allowed less)."""

    seconds: float
    interval: Interval


def check_watched(
    *,
    learner,
    lesson,
    interval: Interval,
    at: datetime,
    enrolled_at: datetime,
    now: datetime | None = None,
) -> Credit | Rejection:
    """What the event may add to the learner's watched media, or why not."""
    limits = WatchLimits.from_settings()
    existing = watched_intervals(learner=learner, lesson=lesson)
    claim = WatchClaim(seconds=new_seconds(existing, interval), at=at)
    if claim.seconds <= 0:
        return Credit(seconds=0.0, interval=interval)
    record = watch_record(
        learner=learner,
        at=at,
        enrolled_at=enrolled_at,
        now=timezone.now() if now is None else now,
        limits=limits,
    )
    rejection = check_watch(claim=claim, record=record, limits=limits)
    if rejection:
        return rejection
    seconds = credited_seconds(claim=claim, record=record, limits=limits)
    if seconds < claim.seconds:
        interval = clipped(existing, interval, seconds)
    return Credit(seconds=round(seconds, 3), interval=interval)

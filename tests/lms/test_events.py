"""Progress events: each type, duplicates, rejections and mixed batches."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone, translation

from lms.models import (
    DailyLearning,
    Enrolment,
    LessonProgress,
    ProgressEvent,
)
from lms.services.events import record_event, record_events
from tests.lms.learning import read_lesson, spend_time


@pytest.fixture(autouse=True)
def english():
    """Reasons are asserted in English here; one test checks the Vietnamese."""
    with translation.override("en"):
        yield


def event(kind, lesson, *, ago: float = 0, **extra):
    """An event dated ``ago`` seconds before now."""
    return {
        "id": str(uuid.uuid4()),
        "type": kind,
        "lesson": lesson.pk,
        "at": (timezone.now() - timedelta(seconds=ago)).isoformat(),
        **extra,
    }


def progress(learner, lesson):
    return LessonProgress.objects.get(learner=learner, lesson=lesson)


@pytest.mark.django_db
def test_time_event_adds_seconds_and_daily_learning(resident, enrolled, lesson):
    result = record_event(
        learner=resident, data=event("lesson.time", lesson, ago=40, seconds=90)
    )
    assert result.status == "accepted"
    assert progress(resident, lesson).seconds_spent == 90
    record_event(learner=resident, data=event("lesson.time", lesson, seconds=30))
    daily = DailyLearning.objects.get(learner=resident)
    assert daily.online_seconds == 120
    assert daily.day == timezone.localdate()
    assert daily.commune_id == resident.commune_id


@pytest.mark.django_db
def test_resent_event_counts_once(resident, enrolled, lesson):
    """The same event id sent twice adds its seconds once."""
    data = event("lesson.time", lesson, seconds=60)
    assert record_event(learner=resident, data=data).status == "accepted"
    assert record_event(learner=resident, data=data).status == "duplicate"
    assert progress(resident, lesson).seconds_spent == 60
    assert DailyLearning.objects.get(learner=resident).online_seconds == 60
    assert ProgressEvent.objects.count() == 1


@pytest.mark.django_db
def test_completed_event_needs_the_reading_time(resident, enrolled, lessons):
    """ "Mark as done" on a text lesson is refused until its reading time (3 min,
    the floor, for these short texts) was measured; then the lesson is complete."""
    result = record_event(learner=resident, data=event("lesson.completed", lessons[0]))
    assert (result.status, result.detail["code"]) == ("rejected", "rule_not_met")
    assert result.reason == "3 more minutes of reading."
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()
    spend_time(resident, lessons[0], 120)
    result = record_event(learner=resident, data=event("lesson.completed", lessons[0]))
    assert result.reason == "1 more minutes of reading."
    spend_time(resident, lessons[0], 60)  # reaching the reading time completes it
    assert progress(resident, lessons[0]).completion_reason == "reading_time"
    result = record_event(learner=resident, data=event("lesson.completed", lessons[0]))
    assert result.status == "accepted"
    enrolled.refresh_from_db()
    assert enrolled.percent == 50
    assert enrolled.completed_at is None


@pytest.mark.django_db
def test_course_completes_once_with_certificate(resident, enrolled, lessons):
    """Both required lessons complete the course; the optional one is not needed."""
    for lesson in lessons[:2]:
        read_lesson(resident, lesson)
    enrolled.refresh_from_db()
    assert enrolled.percent == 100
    first_completed = enrolled.completed_at
    assert first_completed is not None
    assert enrolled.certificate.course_id == enrolled.course_id
    read_lesson(resident, lessons[2])
    enrolled.refresh_from_db()
    assert enrolled.completed_at == first_completed


@pytest.mark.django_db
def test_media_watched_union_completes_at_ninety_percent(
    resident, enrolled, video_lesson
):
    """Re-watching does not count twice; 90 % of 150 s of media completes the lesson."""
    video, audio = video_lesson.video, video_lesson.audio

    def watch(media, start, end, ago):
        data = event("media.watched", video_lesson, media=media.pk, ago=ago)
        data.update({"from": start, "to": end})
        return record_event(learner=resident, data=data)

    assert watch(video, 0, 60, ago=300).status == "accepted"
    assert watch(video, 0, 60, ago=290).status == "accepted"  # a new id: re-watching
    row = progress(resident, video_lesson)
    assert row.watched_seconds == 60
    assert row.media_seconds == 150
    assert row.completed_at is None
    assert watch(video, 50, 100, ago=240).status == "accepted"
    watch(audio, 0, 30, ago=220)  # one thing plays at a time
    row = progress(resident, video_lesson)
    assert row.watched_intervals == [[0.0, 130.0]]
    assert row.completed_at is None  # 130 / 150 < 90 %
    watch(audio, 30, 40, ago=200)
    row = progress(resident, video_lesson)
    assert row.watched_seconds == 140
    assert row.completion_reason == "media_watched"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"seconds": -5}, "more than zero"),
        ({"seconds": 5 * 3600}, "too long"),
        ({"seconds": "abc"}, "must be a number"),
        ({"at": "not a date"}, "not a valid date"),
        ({"type": "lesson.teleport"}, "Unknown event type"),
        ({"lesson": 999999}, "does not exist"),
    ],
)
def test_impossible_time_events_are_rejected(
    resident, enrolled, lesson, change, reason
):
    data = {**event("lesson.time", lesson, seconds=60), **change}
    result = record_event(learner=resident, data=data)
    assert result.status == "rejected"
    assert reason in result.reason
    assert not ProgressEvent.objects.exists()
    assert not DailyLearning.objects.exists()


@pytest.mark.django_db
def test_future_event_rejected_beyond_skew(resident, enrolled, lesson):
    soon = event("lesson.time", lesson, seconds=10)
    soon["at"] = (timezone.now() + timedelta(minutes=3)).isoformat()
    assert record_event(learner=resident, data=soon).status == "accepted"
    later = event("lesson.time", lesson, seconds=10)
    later["at"] = (timezone.now() + timedelta(minutes=10)).isoformat()
    result = record_event(learner=resident, data=later)
    assert (result.status, result.reason) == (
        "rejected",
        "The event time is in the future.",
    )


@pytest.mark.django_db
def test_interval_outside_media_rejected(resident, enrolled, video_lesson):
    data = event("media.watched", video_lesson, media=video_lesson.video.pk)
    data.update({"from": 90, "to": 130})  # the video is 100 s long
    result = record_event(learner=resident, data=data)
    assert result.status == "rejected"
    assert "past the end" in result.reason
    data = event("media.watched", video_lesson, media=999999)
    data.update({"from": 0, "to": 10})
    assert "not part of the lesson" in record_event(learner=resident, data=data).reason


@pytest.mark.django_db
def test_lesson_not_enrolled_rejected(resident, lesson):
    result = record_event(
        learner=resident, data=event("lesson.time", lesson, seconds=5)
    )
    assert result.status == "rejected"
    assert "not enrolled" in result.reason


@pytest.mark.django_db
def test_unenrolled_learner_rejected_but_history_kept(resident, enrolled, lesson):
    from lms.services.enrolments import unenrol

    read_lesson(resident, lesson)
    unenrol(enrolment=enrolled)
    result = record_event(
        learner=resident, data=event("lesson.time", lesson, seconds=5)
    )
    assert result.status == "rejected"
    assert Enrolment.objects.get(pk=enrolled.pk).percent == 50
    assert progress(resident, lesson).completed_at is not None


@pytest.mark.django_db
def test_mixed_batch(resident, enrolled, lesson):
    """One bad event never rejects the rest; a resent one is a duplicate."""
    good = event("lesson.time", lesson, ago=200, seconds=40)
    record_event(learner=resident, data=good)
    read = event("lesson.time", lesson, ago=20, seconds=140)
    batch = [
        good,
        read,
        event("lesson.time", lesson, seconds=-1),
        "not an object",
        {"id": "not-a-uuid", "type": "lesson.time"},
        event("lesson.completed", lesson),
    ]
    statuses = [r.status for r in record_events(learner=resident, events=batch)]
    assert statuses == [
        "duplicate",
        "accepted",
        "rejected",
        "rejected",
        "rejected",
        "accepted",
    ]
    row = progress(resident, lesson)
    assert row.seconds_spent == 180
    assert row.completed_at is not None


@pytest.mark.django_db
def test_rejected_resend_of_accepted_event_is_duplicate(resident, enrolled, lesson):
    """An accepted event resent after unenrolling is still a duplicate, not an error."""
    from lms.services.enrolments import unenrol

    data = event("lesson.time", lesson, seconds=10)
    record_event(learner=resident, data=data)
    unenrol(enrolment=enrolled)
    assert record_event(learner=resident, data=data).status == "duplicate"


@pytest.mark.django_db
def test_vietnamese_reason(resident, enrolled, lesson, settings):
    with translation.override("vi"):
        result = record_event(
            learner=resident, data=event("lesson.time", lesson, seconds=-1)
        )
    assert result.reason == "Thời gian học phải lớn hơn 0."


def time_at(lesson, seconds, at):
    return {
        "id": str(uuid.uuid4()),
        "type": "lesson.time",
        "lesson": lesson.pk,
        "at": at.isoformat(),
        "seconds": seconds,
    }


@pytest.mark.django_db
def test_implausible_time_rejected_with_codes_plausible_counts_once(
    resident, enrolled, lessons, settings
):
    """Too long for the span, beyond the lesson's multiple, over the daily cap,
    before enrolling, in the future: each refused with a code and a reason; the
    plausible events count once."""
    settings.LMS_DAILY_TIME_CAP_HOURS = 0.1  # 6 minutes a day
    lesson, other = lessons[0], lessons[1]  # 3-minute texts: at most 9 minutes
    enrolled.enrolled_at = timezone.now() - timedelta(days=5)
    enrolled.save(update_fields=["enrolled_at"])
    # 9 in the morning, local time: the day's cap must not depend on the clock.
    start = timezone.localtime(enrolled.enrolled_at + timedelta(days=1)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )

    def send(data):
        return record_event(learner=resident, data=data)

    first = time_at(lesson, 60, start)
    assert send(first).status == "accepted"
    assert send(first).status == "duplicate"
    # 10 minutes claimed 2 minutes after the previous one ended.
    span = send(time_at(lesson, 600, start + timedelta(minutes=2)))
    # Before the enrolment, and in 1900.
    before = send(time_at(lesson, 60, enrolled.enrolled_at - timedelta(minutes=5)))
    ancient = send(time_at(lesson, 60, enrolled.enrolled_at.replace(year=1900)))
    future = send(time_at(lesson, 60, timezone.now() + timedelta(hours=1)))
    for i in range(1, 5):  # 5 minutes in all on the lesson, on the same day
        assert send(time_at(lesson, 60, start + timedelta(minutes=i))).status == (
            "accepted"
        )
    daily = send(time_at(other, 120, start + timedelta(minutes=7)))
    assert send(time_at(other, 60, start + timedelta(minutes=6))).status == "accepted"
    # Another day: the lesson's 3 x 3 minutes is its limit.
    next_day = start + timedelta(days=1)
    for i in range(4):
        assert send(time_at(lesson, 60, next_day + timedelta(minutes=i))).status == (
            "accepted"
        )
    limit = send(time_at(lesson, 60, next_day + timedelta(minutes=5)))
    results = {
        "too_long_for_span": span,
        "before_enrolment": before,
        "daily_limit": daily,
        "lesson_limit": limit,
    }
    for expected, result in results.items():
        assert (result.status, result.detail.get("code")) == ("rejected", expected)
        assert result.reason
    assert ancient.status == "rejected"
    assert (future.status, future.reason) == (
        "rejected",
        "The event time is in the future.",
    )
    assert progress(resident, lesson).seconds_spent == 9 * 60
    assert progress(resident, other).seconds_spent == 60
    assert sum(DailyLearning.objects.values_list("online_seconds", flat=True)) == 600
    assert ProgressEvent.objects.filter(type="lesson.time").count() == 10


@pytest.mark.django_db
def test_overlapping_time_sent_late_is_rejected(resident, enrolled, lesson):
    """An offline device sending an older stretch that overlaps credited time."""
    start = enrolled.enrolled_at + timedelta(hours=1)
    assert record_event(learner=resident, data=time_at(lesson, 60, start)).status == (
        "accepted"
    )
    late = record_event(
        learner=resident, data=time_at(lesson, 60, start - timedelta(seconds=30))
    )
    assert (late.status, late.detail["code"]) == ("rejected", "overlaps_later")
    earlier = record_event(
        learner=resident, data=time_at(lesson, 60, start - timedelta(seconds=60))
    )
    assert earlier.status == "accepted"
    assert progress(resident, lesson).seconds_spent == 120


@pytest.mark.django_db
def test_time_limit_follows_the_media_length(resident, enrolled, video_lesson):
    """A lesson with 150 s of media (and a short text) allows 3 x its length."""
    from lms.services import progress as rules
    from lms.services.lesson_length import lesson_length

    length = lesson_length(video_lesson, media_seconds=150)
    assert length.total_seconds == 150 + 180
    assert rules.rule_for(video_lesson).kind == "media"
    results = spend_time(resident, video_lesson, 3 * 330 + 60, step=330)
    assert [r.status for r in results] == ["accepted"] * 3 + ["rejected"]
    # Time alone never completes a lesson with media.
    assert progress(resident, video_lesson).completed_at is None

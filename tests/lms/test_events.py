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


@pytest.fixture(autouse=True)
def english():
    """Reasons are asserted in English here; one test checks the Vietnamese."""
    with translation.override("en"):
        yield


def event(kind, lesson, **extra):
    return {
        "id": str(uuid.uuid4()),
        "type": kind,
        "lesson": lesson.pk,
        "at": timezone.now().isoformat(),
        **extra,
    }


def progress(learner, lesson):
    return LessonProgress.objects.get(learner=learner, lesson=lesson)


@pytest.mark.django_db
def test_time_event_adds_seconds_and_daily_learning(resident, enrolled, lesson):
    result = record_event(
        learner=resident, data=event("lesson.time", lesson, seconds=90)
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
def test_completed_event_completes_lesson_and_updates_percent(
    resident, enrolled, lessons
):
    result = record_event(learner=resident, data=event("lesson.completed", lessons[0]))
    assert result.status == "accepted"
    assert progress(resident, lessons[0]).completion_reason == "marked_done"
    enrolled.refresh_from_db()
    assert enrolled.percent == 50
    assert enrolled.completed_at is None


@pytest.mark.django_db
def test_course_completes_once_with_certificate(resident, enrolled, lessons):
    """Both required lessons complete the course; the optional one is not needed."""
    for lesson in lessons[:2]:
        record_event(learner=resident, data=event("lesson.completed", lesson))
    enrolled.refresh_from_db()
    assert enrolled.percent == 100
    first_completed = enrolled.completed_at
    assert first_completed is not None
    assert enrolled.certificate.course_id == enrolled.course_id
    record_event(learner=resident, data=event("lesson.completed", lessons[2]))
    enrolled.refresh_from_db()
    assert enrolled.completed_at == first_completed


@pytest.mark.django_db
def test_media_watched_union_completes_at_ninety_percent(
    resident, enrolled, video_lesson
):
    """Re-watching does not count twice; 90 % of 150 s of media completes the lesson."""
    video, audio = video_lesson.video, video_lesson.audio

    def watch(media, start, end):
        data = event("media.watched", video_lesson, media=media.pk)
        data.update({"from": start, "to": end})
        return record_event(learner=resident, data=data)

    assert watch(video, 0, 60).status == "accepted"
    assert watch(video, 0, 60).status == "accepted"  # a new id: re-watching
    row = progress(resident, video_lesson)
    assert row.watched_seconds == 60
    assert row.media_seconds == 150
    assert row.completed_at is None
    watch(video, 50, 100)
    watch(audio, 0, 30)
    row = progress(resident, video_lesson)
    assert row.watched_intervals == [[0.0, 130.0]]
    assert row.completed_at is None  # 130 / 150 < 90 %
    watch(audio, 30, 40)
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

    record_event(learner=resident, data=event("lesson.completed", lesson))
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
    good = event("lesson.time", lesson, seconds=40)
    record_event(learner=resident, data=good)
    batch = [
        good,
        event("lesson.time", lesson, seconds=20),
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
    assert row.seconds_spent == 60
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

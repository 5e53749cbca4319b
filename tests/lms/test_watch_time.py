"""Watched media is credited no faster than it could have played (finding 2).

The course of these tests completes with its two text lessons read and its video
lesson (100 s video, 50 s audio) watched: so whether a certificate is issued
shows whether watching was credited.
"""

import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone, translation

from lms.models import Certificate, Enrolment, LessonProgress, ProgressEvent
from lms.services.events import record_events
from lms.services.watch_time import (
    WatchClaim,
    WatchLimits,
    WatchRecord,
    check_watch,
    clipped,
    credited_seconds,
    new_seconds,
)
from tests.lms.learning import read_lesson

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def texts_read(resident, enrolled, lessons, video_lesson):
    """Both text lessons done: only the video lesson stands between the resident
    and the certificate."""
    for lesson in lessons[:2]:
        read_lesson(resident, lesson)
    assert not Certificate.objects.filter(learner=resident).exists()
    return enrolled


def watched(lesson, media, start, end, at):
    return {
        "id": str(uuid.uuid4()),
        "type": "media.watched",
        "lesson": lesson.pk,
        "media": media.pk,
        "from": start,
        "to": end,
        "at": at.isoformat(),
    }


def statuses(results):
    return [r.status for r in results]


def progress(learner, lesson):
    return LessonProgress.objects.get(learner=learner, lesson=lesson)


def test_honest_offline_playback_sent_in_one_batch_completes_and_certifies(
    resident, texts_read, video_lesson
):
    """Played at 1x an hour ago, 20 s per event, with a seek back to rewatch the
    start, queued offline and sent later in one batch: every event counts."""
    video, audio = video_lesson.video, video_lesson.audio
    start = timezone.now() - timedelta(hours=1)
    events = [
        watched(
            video_lesson,
            video,
            20 * i,
            20 * (i + 1),
            start + timedelta(seconds=20 * (i + 1)),
        )
        for i in range(5)
    ]
    rewatch_at = start + timedelta(seconds=130)
    events.append(watched(video_lesson, video, 0, 30, rewatch_at))  # seeking back
    events += [
        watched(video_lesson, audio, 0, 25, rewatch_at + timedelta(seconds=25)),
        watched(video_lesson, audio, 25, 50, rewatch_at + timedelta(seconds=50)),
    ]
    results = record_events(learner=resident, events=events)
    assert statuses(results) == ["accepted"] * len(events)
    row = progress(resident, video_lesson)
    assert row.watched_seconds == 150
    assert row.completion_reason == "media_watched"
    assert Certificate.objects.filter(learner=resident).exists()
    # Sent again (a lost answer): each event still counts once.
    again = record_events(learner=resident, events=events)
    assert statuses(again) == ["duplicate"] * len(events)
    assert progress(resident, video_lesson).watched_seconds == 150


def test_whole_media_claimed_at_once_after_enrolling_is_refused(
    resident, texts_read, video_lesson
):
    Enrolment.objects.filter(pk=texts_read.pk).update(enrolled_at=timezone.now())
    video, audio = video_lesson.video, video_lesson.audio
    now = timezone.now()
    results = record_events(
        learner=resident,
        events=[
            watched(video_lesson, video, 0, 100, now),
            watched(video_lesson, audio, 0, 50, now),
        ],
    )
    assert statuses(results) == ["rejected", "rejected"]
    assert results[0].detail["code"] == "watched_too_fast"
    assert "could have played" in results[0].reason
    assert not ProgressEvent.objects.filter(type="media.watched").exists()
    assert not LessonProgress.objects.filter(
        lesson=video_lesson, watched_seconds__gt=0
    ).exists()
    assert not Certificate.objects.filter(learner=resident).exists()


def test_pieces_in_one_batch_at_the_same_time_count_once(
    resident, texts_read, video_lesson
):
    """Enrolled long ago, the first piece may claim that time; the next pieces,
    dated the same moment, could not have played as well, of the same media or of
    another (one person plays one thing at a time). Within the clock tolerance a
    piece is accepted but adds nothing: tolerance never adds up."""
    video, audio = video_lesson.video, video_lesson.audio
    now = timezone.now()
    events = [watched(video_lesson, video, 25 * i, 25 * (i + 1), now) for i in range(4)]
    events.append(watched(video_lesson, audio, 0, 20, now))
    events += [watched(video_lesson, audio, 20 * i, 20 * (i + 1), now) for i in (1,)]
    results = record_events(learner=resident, events=events)
    assert statuses(results) == ["accepted"] + ["rejected"] * 3 + ["accepted"] * 2
    assert [r.detail.get("code") for r in results[1:4]] == ["watched_too_fast"] * 3
    row = progress(resident, video_lesson)
    assert row.watched_seconds == 25  # the first 25 s of video only
    assert row.completed_at is None
    assert not Certificate.objects.filter(learner=resident).exists()


def test_twice_the_speed_is_allowed_three_times_is_not(
    resident, enrolled, video_lesson
):
    video = video_lesson.video
    first = timezone.now() - timedelta(minutes=10)
    results = record_events(
        learner=resident,
        events=[
            watched(video_lesson, video, 0, 10, first),
            # 40 s in 20 s: played at 2x.
            watched(video_lesson, video, 10, 50, first + timedelta(seconds=20)),
            # 50 s in 13 s: 3.8x, beyond the 10 s tolerance.
            watched(video_lesson, video, 50, 100, first + timedelta(seconds=33)),
        ],
    )
    assert statuses(results) == ["accepted", "accepted", "rejected"]
    assert progress(resident, video_lesson).watched_seconds == 50


def test_watching_sent_late_may_not_overlap_later_watching(
    resident, enrolled, video_lesson
):
    """An event dated before one already accepted cannot claim the same minutes."""
    video = video_lesson.video
    later = timezone.now() - timedelta(minutes=5)
    assert statuses(
        record_events(
            learner=resident, events=[watched(video_lesson, video, 0, 60, later)]
        )
    ) == ["accepted"]  # played in the minute before `later`
    results = record_events(
        learner=resident,
        events=[
            # 40 s played in [later - 35 s, later - 15 s]: the accepted event
            # played [0, 60] in [later - 30 s, later].
            watched(video_lesson, video, 60, 100, later - timedelta(seconds=15)),
            watched(video_lesson, video, 0, 60, later - timedelta(seconds=10)),
        ],
    )
    assert statuses(results) == ["rejected", "accepted"]  # rewatching needs no time
    assert results[0].detail["code"] == "watched_overlaps_later"
    assert progress(resident, video_lesson).watched_seconds == 60


def test_rule_bounds_growth_by_elapsed_time_times_rate():
    limits = WatchLimits(rate=2.0, tolerance=timedelta(seconds=10))
    now = timezone.now()
    record = WatchRecord(
        enrolled_at=now - timedelta(days=1),
        previous_at=now - timedelta(seconds=60),
        next_starts_at=None,
    )
    assert (
        check_watch(claim=WatchClaim(seconds=140, at=now), record=record, limits=limits)
        is None
    )
    assert check_watch(
        claim=WatchClaim(seconds=141, at=now), record=record, limits=limits
    )
    assert (
        check_watch(claim=WatchClaim(seconds=0, at=now), record=record, limits=limits)
        is None
    )


def test_within_the_tolerance_only_what_could_play_is_credited():
    limits = WatchLimits(rate=2.0, tolerance=timedelta(seconds=10))
    now = timezone.now()
    record = WatchRecord(
        enrolled_at=now - timedelta(days=1),
        previous_at=now - timedelta(seconds=5),
        next_starts_at=None,
    )
    claim = WatchClaim(seconds=25, at=now)
    assert check_watch(claim=claim, record=record, limits=limits) is None
    assert credited_seconds(claim=claim, record=record, limits=limits) == 10
    # [0, 40] over [10, 20] already watched: 10 s from the first gap, 5 s after.
    assert clipped([[10.0, 20.0]], [0.0, 40.0], 15) == [0.0, 25.0]
    assert new_seconds([[10.0, 20.0]], [0.0, 25.0]) == 15


def test_api_refuses_in_vietnamese(resident, enrolled, video_lesson):
    Enrolment.objects.filter(pk=enrolled.pk).update(enrolled_at=timezone.now())
    client = Client()
    client.force_login(resident)
    response = client.post(
        "/api/lms/events/",
        {"events": [watched(video_lesson, video_lesson.video, 0, 100, timezone.now())]},
        content_type="application/json",
        headers={"accept-language": "vi"},
    )
    assert response.status_code == 200, response.content
    (result,) = response.json()["results"]
    assert result["status"] == "rejected"
    assert result["code"] == "watched_too_fast"
    assert result["reason"] == (
        "Phần video hoặc âm thanh được báo là đã xem nhiều hơn thời lượng có thể "
        "phát kể từ lần xem trước."
    )


def test_two_media_of_a_lesson_cannot_play_at_the_same_moment(
    resident, texts_read, video_lesson
):
    """50 s after enrolling, 100 s of video and 50 s of audio dated the same moment:
    150 s of media needs 75 s at 2x, so the audio is refused."""
    now = timezone.now()
    Enrolment.objects.filter(pk=texts_read.pk).update(
        enrolled_at=now - timedelta(seconds=50)
    )
    results = record_events(
        learner=resident,
        events=[
            watched(video_lesson, video_lesson.video, 0, 100, now),
            watched(video_lesson, video_lesson.audio, 0, 50, now),
        ],
    )
    assert statuses(results) == ["accepted", "rejected"]
    row = progress(resident, video_lesson)
    assert row.watched_seconds == 100
    assert row.completed_at is None
    assert not Certificate.objects.filter(learner=resident).exists()


def test_a_video_shared_by_two_lessons_plays_once(
    resident, enrolled, course, video_lesson
):
    from tests.lms.conftest import make_lesson

    twin = make_lesson(
        course, "Bài 4: cùng video", body=[("video", {"video": video_lesson.video})]
    )
    now = timezone.now()
    Enrolment.objects.filter(pk=enrolled.pk).update(
        enrolled_at=now - timedelta(seconds=50)
    )
    results = record_events(
        learner=resident,
        events=[
            watched(video_lesson, video_lesson.video, 0, 100, now),
            watched(twin, video_lesson.video, 0, 100, now),
        ],
    )
    assert statuses(results) == ["accepted", "rejected"]
    assert not LessonProgress.objects.filter(
        lesson=twin, watched_seconds__gt=0
    ).exists()


def test_events_dated_in_the_future_buy_no_time(resident, texts_read, video_lesson):
    """Times up to 5 minutes ahead are accepted (a fast clock), but what was
    watched since enrolling is bounded by the server's clock."""
    now = timezone.now()
    Enrolment.objects.filter(pk=texts_read.pk).update(enrolled_at=now)
    ahead = now + timedelta(minutes=4)
    results = record_events(
        learner=resident,
        events=[
            watched(video_lesson, video_lesson.video, 0, 100, ahead),
            watched(video_lesson, video_lesson.audio, 0, 50, ahead),
        ],
    )
    assert statuses(results) == ["rejected", "rejected"]
    assert results[0].detail["code"] == "watched_too_fast"
    assert not Certificate.objects.filter(learner=resident).exists()


def test_a_device_clock_half_a_minute_slow_loses_nothing(
    resident, texts_read, video_lesson
):
    """Playing right after enrolling, sent as it plays, on a device whose clock is
    30 s behind: each 20 s piece is credited."""
    from unittest import mock

    t0 = timezone.now() - timedelta(minutes=1)
    Enrolment.objects.filter(pk=texts_read.pk).update(enrolled_at=t0)
    slow = timedelta(seconds=30)
    for i in range(3):
        played_until = t0 + timedelta(seconds=20 * (i + 1))
        with mock.patch("django.utils.timezone.now", return_value=played_until):
            results = record_events(
                learner=resident,
                events=[
                    watched(
                        video_lesson,
                        video_lesson.video,
                        20 * i,
                        20 * (i + 1),
                        played_until - slow,
                    )
                ],
            )
        assert statuses(results) == ["accepted"], results[0].reason
    assert progress(resident, video_lesson).watched_seconds == 60


@pytest.fixture
def other_course_enrolled(resident, course_index, centre, video_lesson):
    """A lesson of another course the resident enrolled in a month ago, with its
    own 100 s video."""
    from cms.models import CoursePage, LessonMedia
    from lms.services.enrolments import enrol
    from tests.lms.conftest import make_lesson

    other = CoursePage(title="Nuôi gà", slug="nuoi-ga", summary="Gà.", centre=centre)
    course_index.add_child(instance=other)
    video = LessonMedia.objects.create(
        title="Gà", file="media/ga.mp4", type="video", duration=100
    )
    lesson = make_lesson(other, "Bài gà", body=[("video", {"video": video})])
    lesson.video = video
    enrolment = enrol(learner=resident, course=other).enrolment
    Enrolment.objects.filter(pk=enrolment.pk).update(
        enrolled_at=timezone.now() - timedelta(days=30)
    )
    return lesson


def test_another_course_s_queue_sent_after_enrolling_leaves_this_one_alone(
    resident, enrolled, video_lesson, other_course_enrolled
):
    """A phone sends an old offline queue of another course just after its owner
    enrolled in this one: that watching is not charged to this enrolment."""
    other_lesson = other_course_enrolled
    now = timezone.now()
    Enrolment.objects.filter(pk=enrolled.pk).update(
        enrolled_at=now - timedelta(seconds=60)
    )
    week_ago = now - timedelta(days=7)
    old_queue = [
        watched(
            other_lesson,
            other_lesson.video,
            20 * i,
            20 * (i + 1),
            week_ago + timedelta(seconds=20 * (i + 1)),
        )
        for i in range(5)
    ]
    assert set(statuses(record_events(learner=resident, events=old_queue))) == {
        "accepted"
    }
    results = record_events(
        learner=resident,
        events=[watched(video_lesson, video_lesson.video, 0, 40, now)],
    )
    assert statuses(results) == ["accepted"], results[0].reason
    assert progress(resident, video_lesson).watched_seconds == 40


def test_watching_dated_before_enrolling_is_refused(resident, enrolled, video_lesson):
    now = timezone.now()
    Enrolment.objects.filter(pk=enrolled.pk).update(enrolled_at=now)
    results = record_events(
        learner=resident,
        events=[
            watched(video_lesson, video_lesson.video, 0, 20, now - timedelta(hours=1))
        ],
    )
    assert statuses(results) == ["rejected"]

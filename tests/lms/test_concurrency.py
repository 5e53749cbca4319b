"""Copies of one event arriving at the same moment count once (the database decides)."""

import threading
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from lms.models import DailyLearning, LessonProgress, ProgressEvent
from lms.services.events import record_event

THREADS = 8

pytestmark = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="the in-memory shared-cache SQLite test database answers 'table is "
    "locked' instead of waiting; run with .ci/with-postgres",
)


def in_parallel(target, count):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(target())
        except Exception as error:  # reported below, not swallowed
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return results


@pytest.mark.django_db(transaction=True)
def test_concurrent_resends_count_once(resident, enrolled, lesson):
    data = {
        "id": str(uuid.uuid4()),
        "type": "lesson.time",
        "lesson": lesson.pk,
        "at": timezone.now().isoformat(),
        "seconds": 60,
    }
    results = in_parallel(lambda: record_event(learner=resident, data=data), THREADS)
    statuses = sorted(r.status for r in results)
    assert statuses == ["accepted"] + ["duplicate"] * (THREADS - 1)
    assert ProgressEvent.objects.count() == 1
    assert LessonProgress.objects.get(learner=resident).seconds_spent == 60
    assert DailyLearning.objects.get(learner=resident).online_seconds == 60


def time_event(lesson, *, ago: int, seconds: int) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "type": "lesson.time",
        "lesson": lesson.pk,
        "at": (timezone.now() - timedelta(seconds=ago)).isoformat(),
        "seconds": seconds,
    }


@pytest.mark.django_db(transaction=True)
def test_concurrent_distinct_events_all_count(resident, enrolled, lesson):
    """Different events at once, back-to-back stretches, all add up: no lost update
    on the shared rows."""
    events = iter([time_event(lesson, ago=10 * i, seconds=10) for i in range(THREADS)])
    lock = threading.Lock()

    def send():
        with lock:
            data = next(events)
        return record_event(learner=resident, data=data)

    results = in_parallel(send, THREADS)
    assert {r.status for r in results} == {"accepted"}
    assert LessonProgress.objects.get(learner=resident).seconds_spent == 10 * THREADS
    assert DailyLearning.objects.get(learner=resident).online_seconds == 10 * THREADS


@pytest.mark.django_db(transaction=True)
def test_concurrent_overlapping_time_counts_once(resident, enrolled, lesson):
    """The same minute claimed by several events at once (two tabs, a replaying
    device): checked one after the other under the learner's lock, one counts."""
    start = timezone.now() - timedelta(minutes=5)
    events = iter(
        [
            {
                "id": str(uuid.uuid4()),
                "type": "lesson.time",
                "lesson": lesson.pk,
                "at": (start + timedelta(seconds=i)).isoformat(),
                "seconds": 60,
            }
            for i in range(THREADS)
        ]
    )
    lock = threading.Lock()

    def send():
        with lock:
            data = next(events)
        return record_event(learner=resident, data=data)

    results = in_parallel(send, THREADS)
    assert sorted(r.status for r in results).count("accepted") == 1
    assert LessonProgress.objects.get(learner=resident).seconds_spent == 60
    assert DailyLearning.objects.get(learner=resident).online_seconds == 60


def stretch(lesson, *, start, count: int, step: int = 10) -> list[dict]:
    return [
        {
            "id": str(uuid.uuid4()),
            "type": "lesson.time",
            "lesson": lesson.pk,
            "at": (start + timedelta(seconds=step * (number + 1))).isoformat(),
            "seconds": step,
        }
        for number in range(count)
    ]


@pytest.mark.django_db(transaction=True)
def test_concurrent_batches_of_one_learner_count_each_event_once(
    resident, enrolled, lessons, video_lesson
):
    """Batches sent at once by one learner's phones, naming their lessons in
    opposite orders, one event resent in all: each batch locks the rows once and
    waits its turn; every event counts once and no watched interval is lost."""
    from lms.services.events import record_events

    start = enrolled.enrolled_at
    shared = stretch(lessons[0], start=start, count=1)[0]
    batches = []
    for number in range(THREADS):
        at = start + timedelta(minutes=10 * (number + 1))
        one, two = (lessons[0], lessons[1]) if number % 2 else (lessons[1], lessons[0])
        batches.append(
            [
                *stretch(one, start=at, count=3),
                dict(shared),
                {
                    "id": str(uuid.uuid4()),
                    "type": "media.watched",
                    "lesson": video_lesson.pk,
                    "at": at.isoformat(),
                    "media": video_lesson.video.pk,
                    "from": 10 * number,
                    "to": 10 * number + 10,
                },
                *stretch(two, start=at + timedelta(minutes=2), count=3),
            ]
        )
    pending = iter(batches)
    lock = threading.Lock()

    def send():
        with lock:
            events = next(pending)
        return record_events(learner=resident, events=events)

    results = [r for batch in in_parallel(send, THREADS) for r in batch]
    statuses = [r.status for r in results]
    assert statuses.count("duplicate") == THREADS - 1
    assert statuses.count("accepted") == THREADS * 7 + 1

    def spent(lesson):
        return LessonProgress.objects.get(learner=resident, lesson=lesson).seconds_spent

    assert spent(lessons[0]) == 10 + THREADS * 30
    assert spent(lessons[1]) == THREADS * 30
    watched = LessonProgress.objects.get(learner=resident, lesson=video_lesson)
    assert watched.watched_intervals == [[0.0, 10.0 * THREADS]]
    total = sum(
        DailyLearning.objects.filter(learner=resident).values_list(
            "online_seconds", flat=True
        )
    )
    assert total == 10 + THREADS * 60

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

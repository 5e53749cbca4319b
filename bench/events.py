"""Progress events ingested through the learner API, in batches of 50.

Prints events per second and p50/p95 batch latency. Each batch mixes time, media and
completion events, with one event in ten a resend of an earlier one (a duplicate).
Then compares, learner by learner, one 50-event batch with the same kind of 50
events sent as 50 single-event requests (what a batch cost when each event was its
own transaction is close to the latter).

Run: .venv/bin/python bench/events.py                      (SQLite file, WAL, as in
production's embedded default)
     .ci/with-postgres .venv/bin/python bench/events.py    (PostgreSQL)
"""

import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
# 50 single requests a round would meet the learner API's rate limit.
os.environ.setdefault("LEARNER_API_RATE", "100000/minute")

import django  # noqa: E402

django.setup()

from django.test.utils import setup_test_environment  # noqa: E402

BATCH = 50
BATCHES = int(os.environ.get("BENCH_BATCHES", 40))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 6))
LEARNERS = 10


def build_world():
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import timezone

    from cms.models import CourseIndexPage, CoursePage, LessonMedia, LessonPage
    from cms.site_setup import ensure_home_page
    from lms.models import Enrolment
    from lms.services.enrolments import enrol

    home = ensure_home_page()
    index = home.add_child(instance=CourseIndexPage(title="Khoá học", slug="kh"))
    course = index.add_child(
        instance=CoursePage(title="Khoá thử", slug="khoa-thu", summary="x")
    )
    media = LessonMedia.objects.create(
        title="Video", file="media/v.mp4", type="video", duration=600
    )
    lessons = [
        course.add_child(
            instance=LessonPage(
                title=f"Bài {i}",
                slug=f"bai-{i}",
                body=[("video", {"video": media, "caption": ""})],
            )
        )
        for i in range(5)
    ]
    clients = []
    # Enrolled yesterday: time events count from enrolling on (plausibility rules).
    yesterday = timezone.now() - timedelta(days=1)
    for i in range(LEARNERS):
        learner = get_user_model().objects.create_user(phone=f"09130000{i:02d}")
        enrolment = enrol(learner=learner, course=course).enrolment
        Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=yesterday)
        client = Client()
        client.force_login(learner)
        clients.append(client)
    return clients, lessons, media, timezone.now


def make_batch(rng, lessons, media, now, sent, clock):
    """``clock`` is the device's time line: time events follow one another on it,
    as a device's do, so they are plausible and accepted."""
    events = []
    for _ in range(BATCH):
        if sent and rng.random() < 0.1:
            events.append(rng.choice(sent))
            continue
        lesson = rng.choice(lessons)
        kind = rng.random()
        event = {
            "id": str(uuid.uuid4()),
            "lesson": lesson.pk,
            "at": now().isoformat(),
        }
        if kind < 0.6:
            seconds = rng.randint(5, 60)
            clock[0] += timedelta(seconds=seconds)
            event.update(type="lesson.time", seconds=seconds, at=clock[0].isoformat())
        elif kind < 0.95:
            # Played on the same time line: watched media needs time to play too
            # (lms/services/watch_time.py).
            start, length = rng.uniform(0, 540), rng.uniform(5, 60)
            clock[0] += timedelta(seconds=length)
            event.update(
                type="media.watched",
                media=media.pk,
                at=clock[0].isoformat(),
                **{"from": start, "to": start + length},
            )
        else:
            event.update(type="lesson.completed")
        events.append(event)
    return events


def main() -> None:
    from django.db import connection

    setup_test_environment()
    if connection.vendor == "sqlite":
        # A file with WAL, as the embedded default runs, not an in-memory database.
        path = Path(tempfile.mkdtemp(prefix="bench-events-")) / "db.sqlite3"
        connection.settings_dict["TEST"]["NAME"] = str(path)
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        clients, lessons, media, now = build_world()
        rng = random.Random(5)
        sent_by_client = {i: [] for i in range(len(clients))}
        clocks = {i: [now() - timedelta(hours=23)] for i in range(len(clients))}
        latencies, statuses = [], {}
        started = time.perf_counter()
        for n in range(BATCHES):
            i = n % len(clients)
            events = make_batch(rng, lessons, media, now, sent_by_client[i], clocks[i])
            sent_by_client[i].extend(events)
            t0 = time.perf_counter()
            response = clients[i].post(
                "/api/lms/events/", {"events": events}, content_type="application/json"
            )
            latencies.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, response.content
            for result in response.json()["results"]:
                statuses[result["status"]] = statuses.get(result["status"], 0) + 1
        elapsed = time.perf_counter() - started
        latencies.sort()
        total = BATCHES * BATCH
        print(
            f"database: {connection.vendor}, {BATCHES} batches of {BATCH} events "
            f"({total} events), results: {statuses}"
        )
        print(
            f"{total / elapsed:.0f} events/s; batch latency p50 "
            f"{statistics.median(latencies):.0f} ms, "
            f"p95 {latencies[int(len(latencies) * 0.95)]:.0f} ms, "
            f"max {latencies[-1]:.0f} ms"
        )
        count_queries(clients[0], lessons, media, now, rng, clocks[0])
        compare_with_single_requests(clients, lessons, media, now, rng, clocks)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def post(client, events) -> float:
    t0 = time.perf_counter()
    response = client.post(
        "/api/lms/events/", {"events": events}, content_type="application/json"
    )
    elapsed = (time.perf_counter() - t0) * 1000
    assert response.status_code == 200, response.content
    return elapsed


def count_queries(client, lessons, media, now, rng, clock) -> None:
    """SQL statements of one fresh 50-event batch (savepoints included)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    events = make_batch(rng, lessons, media, now, [], clock)
    with CaptureQueriesContext(connection) as queries:
        post(client, events)
    kinds = {}
    for event in events:
        kinds[event["type"]] = kinds.get(event["type"], 0) + 1
    print(
        f"one batch of {BATCH} {kinds}: {len(queries)} SQL statements, "
        f"{len(queries) / BATCH:.1f} per event"
    )
    if os.environ.get("BENCH_SQL"):
        for query in queries:
            print("   ", query["sql"][:160])


def compare_with_single_requests(clients, lessons, media, now, rng, clocks) -> None:
    batch_ms, singles_ms = [], []
    for n in range(ROUNDS):
        i = n % len(clients)
        batch_ms.append(
            post(clients[i], make_batch(rng, lessons, media, now, [], clocks[i]))
        )
        events = make_batch(rng, lessons, media, now, [], clocks[i])
        singles_ms.append(sum(post(clients[i], [event]) for event in events))
    batch, singles = statistics.median(batch_ms), statistics.median(singles_ms)
    print(
        f"one batch of {BATCH}: median {batch:.0f} ms; {BATCH} single requests: "
        f"median {singles:.0f} ms in all; batch / singles = {batch / singles:.2f} "
        f"({ROUNDS} rounds)"
    )


if __name__ == "__main__":
    main()

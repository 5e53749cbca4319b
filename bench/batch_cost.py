"""What one 50-event batch costs without load: queries, cache calls, milliseconds.

Run it against the database bench/load.py prepares (its `prepare` step writes the
plan with the learners' tokens and the lesson ids), with the same settings:

    .venv/bin/python bench/batch_cost.py plan.json [--profile] [--queries]

Each batch is the load plan's (50 time events of one learner's phone, one after
another) and goes through the whole WSGI handler and middleware, as gunicorn sends
it. It prints the queries and shared-cache calls of one batch, then the median and
p90 of 30 batches (and the median CPU time of this process alone: the machine may
be shared); `--profile` adds the top of a cProfile of 10 more.
"""

import cProfile
import io
import json
import os
import pstats
import random
import statistics
import sys
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, os.getcwd())

BATCH = 50


class Phone:
    def __init__(self, token: str, lesson_ids: list[int]):
        self.token = token
        self.lesson_ids = lesson_ids
        # Another run on the same database starts elsewhere (BATCH_HOURS_AGO), or
        # its events would overlap this run's and all be refused.
        hours_ago = float(os.environ.get("BATCH_HOURS_AGO", 20))
        self.clock = datetime.now(UTC) - timedelta(hours=hours_ago)

    def batch(self) -> bytes:
        events = []
        for _ in range(BATCH):
            seconds = random.randint(5, 40)
            self.clock += timedelta(seconds=seconds)
            events.append(
                {
                    "id": str(uuid.uuid4()),
                    "type": "lesson.time",
                    "lesson": random.choice(self.lesson_ids),
                    "at": self.clock.isoformat(),
                    "seconds": seconds,
                }
            )
        return json.dumps({"events": events}).encode()


def post(handler, phone: Phone) -> int:
    from django.test.client import RequestFactory

    request = RequestFactory(
        HTTP_ACCEPT_ENCODING="gzip, deflate",
        HTTP_AUTHORIZATION=f"Token {phone.token}",
    ).post("/api/lms/events/", phone.batch(), content_type="application/json")
    environ = request.environ
    environ["SERVER_NAME"] = "127.0.0.1"
    environ["HTTP_HOST"] = "127.0.0.1"
    status = {}

    def start_response(line, headers):
        status["line"] = line

    b"".join(handler(environ, start_response))
    return int(status["line"].split()[0])


def count_cache_calls(calls: Counter) -> None:
    from django.core.cache import caches

    backend = type(caches["default"])
    for name in ("get", "set", "add", "delete", "get_many", "set_many", "incr"):
        original = getattr(backend, name)

        def counted(self, *args, _name=name, _original=original, **kwargs):
            calls[_name] += 1
            return _original(self, *args, **kwargs)

        setattr(backend, name, counted)


def main() -> None:
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    plan = json.loads(Path(sys.argv[1]).read_text())
    phones = [
        Phone(learner["token"], plan["lesson_ids"]) for learner in plan["learners"]
    ]
    handler = WSGIHandler()
    for phone in phones[:3]:
        post(handler, phone)
    calls = Counter()
    count_cache_calls(calls)
    with CaptureQueriesContext(connection) as queries:
        code = post(handler, phones[3])
    kinds = Counter(q["sql"].split()[0] for q in queries.captured_queries)
    print(
        f"HTTP {code}, {len(queries)} queries {dict(kinds)}; cache calls {dict(calls)}"
    )
    if "--queries" in sys.argv:
        for query in queries.captured_queries[:40]:
            print("   ", query["sql"][:220])
    times, cpu = [], []
    for number in range(30):
        start, start_cpu = time.perf_counter(), time.process_time()
        post(handler, phones[4 + number % (len(phones) - 4)])
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    print(
        f"ms per batch: median {statistics.median(times):.1f}, "
        f"p90 {times[int(len(times) * 0.9)]:.1f}; "
        f"CPU ms in this process: median {statistics.median(cpu):.1f}"
    )
    if "--profile" in sys.argv:
        # CPU time: on a shared machine, waiting for a turn is not a cost here.
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        for phone in phones[:10]:
            post(handler, phone)
        profile.disable()
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.sort_stats("cumulative").print_stats(50)
        print(out.getvalue())


if __name__ == "__main__":
    main()

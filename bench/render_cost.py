"""What one request costs without load: queries, and milliseconds per answer.

Run it inside the project whose settings are in DJANGO_SETTINGS_MODULE (the platform,
or the bare Wagtail anchor that bench/load.py makes), against an already prepared
database, for one address:

    .venv/bin/python bench/render_cost.py /khoa-hoc/some-course/ [--profile]

Each request goes through the whole WSGI handler and middleware, as gunicorn sends
it (with `Accept-Encoding: gzip` as the load plan does). It prints the queries of
one request, then the median and p90 of 200 requests (and the median CPU time
of this process alone); `--profile` adds the top of a
cProfile of 100 more, by cumulative time.
"""

import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, os.getcwd())


def request(handler, path: str) -> tuple[int, int]:
    from django.test.client import RequestFactory

    environ = RequestFactory(HTTP_ACCEPT_ENCODING="gzip, deflate").get(path).environ
    environ["SERVER_NAME"] = "127.0.0.1"
    environ["HTTP_HOST"] = "127.0.0.1"
    status = {}

    def start_response(line, headers):
        status["line"] = line

    body = b"".join(handler(environ, start_response))
    return int(status["line"].split()[0]), len(body)


def main() -> None:
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    path = sys.argv[1]
    handler = WSGIHandler()
    for _ in range(5):
        code, size = request(handler, path)
    with CaptureQueriesContext(connection) as queries:
        code, size = request(handler, path)
    print(f"{path}: HTTP {code}, {size} bytes, {len(queries)} queries")
    for query in queries.captured_queries:
        print("   ", query["sql"][:160])
    times, cpu = [], []
    for _ in range(200):
        start, start_cpu = time.perf_counter(), time.process_time()
        request(handler, path)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    # The machine may be shared: this process's CPU time is steadier than the
    # wall clock (which also holds the database's share).
    print(
        f"ms per request: median {statistics.median(times):.2f}, "
        f"p90 {times[int(len(times) * 0.9)]:.2f}; "
        f"CPU ms in this process: median {statistics.median(cpu):.2f}"
    )
    if "--profile" in sys.argv:
        # CPU time: on a shared machine, waiting for a turn is not a cost here.
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        for _ in range(100):
            request(handler, path)
        profile.disable()
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(30)
        print(out.getvalue())


if __name__ == "__main__":
    main()

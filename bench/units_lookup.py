"""Latency of the commune picker lookup (/api/units/) over the 3,321 communes.

Run: .venv/bin/python bench/units_lookup.py   (uses a throw-away SQLite database;
with DATABASE_URL set it uses that server's test database instead)
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.test.utils import setup_test_environment  # noqa: E402

QUERIES = [
    "xa ta van",
    "Tả Van",
    "phuong hoan kiem",
    "tan hoi",
    "xa",
    "nghia",
    "son la",
    "ben thanh",
    "thanh xuan ha noi",
    "zzz",
]


def main() -> None:
    from django.db import connection
    from django.test import Client

    from cms.places_loader import load_administrative_units

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        load_administrative_units()
        client = Client()
        timings = []
        for _round in range(20):
            for query in QUERIES:
                start = time.perf_counter()
                client.get("/api/units/", {"q": query})
                timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        print(f"database: {connection.vendor}, lookups: {len(timings)}")
        print(
            f"p50 {statistics.median(timings):.1f} ms, "
            f"p95 {timings[int(len(timings) * 0.95)]:.1f} ms, "
            f"max {timings[-1]:.1f} ms"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()

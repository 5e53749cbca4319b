"""Weight, query count and render time of the demo's public pages.

Run: .venv/bin/python bench/pages.py   (a throw-away test database with the demo;
with DATABASE_URL set it uses that server's test database instead)
"""

import gzip
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.test.utils import setup_test_environment  # noqa: E402


def same_origin_assets(html: str) -> int:
    from django.contrib.staticfiles import finders

    urls = re.findall(r'<link[^>]+href="(/static/[^"]+)"', html)
    urls += re.findall(r'<script[^>]+src="(/static/[^"]+)"', html)
    total = 0
    for url in urls:
        with open(finders.find(url.removeprefix("/static/")), "rb") as handle:
            total += len(gzip.compress(handle.read(), 9))
    return total


def counting(queries: list):
    def wrapper(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    return wrapper


def main() -> None:
    from django.db import connection
    from django.test import Client

    from cms.demo import load_cms_demo
    from cms.models import CoursePage, LessonPage

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        load_cms_demo()
        client = Client()
        pages = [*CoursePage.objects.live(), *LessonPage.objects.live()]
        print(f"database: {connection.vendor}")
        print(f"{'page':<60} {'queries':>7} {'gzip KB':>8} {'p50 ms':>7}")
        for page in pages:
            client.get(page.url)
            queries = []
            with connection.execute_wrapper(counting(queries)):
                response = client.get(page.url)
            assert response.status_code == 200, (page.url, response.status_code)
            html = response.content.decode()
            timings = []
            for _round in range(10):
                start = time.perf_counter()
                client.get(page.url)
                timings.append((time.perf_counter() - start) * 1000)
            weight = len(gzip.compress(html.encode(), 9)) + same_origin_assets(html)
            print(
                f"{page.title[:60]:<60} {len(queries):>7} {weight / 1024:>8.1f} "
                f"{statistics.median(timings):>7.1f}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()

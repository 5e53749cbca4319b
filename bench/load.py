"""The load plan: the platform under gunicorn + PostgreSQL beside a bare Wagtail site.

Run:  .ci/with-postgres .venv/bin/python bench/load.py

It makes two databases on that PostgreSQL server: one for the platform (migrated,
demo loaded, learners with API tokens) and one for a bare Wagtail project generated
with `wagtail start` (its welcome page is the anchor). Each is served by gunicorn
with the same number of workers, one at a time, and driven by Locust (headless):

1. saturation runs (LOAD_SATURATION_USERS users, no pause, LOAD_SATURATION_SECONDS
   each): the bare Wagtail page, then each public page kind from the page cache,
   then the course and lesson pages with the page cache off (PAGE_CACHE_SECONDS=0);
2. the realistic mix (LOAD_USERS users, LOAD_SECONDS): anonymous visitors browsing
   home, catalogue, courses, lessons, resources and search; signed-in learners
   sending batches of 50 progress events with their API token; officers (signed in
   through the sign-in form) opening reports.

It prints throughput and p50/p95 per page kind, and each saturation throughput as
a ratio to the bare Wagtail page. Environment: WEB_WORKERS (2), WEB_THREADS (4),
the same for both sites and as `runplatform` and the Dockerfile serve (gthread
workers: a request waiting on the database holds a thread, not a process);
LOAD_REDIS=1 to put the cache on a redis-server started for the run instead of the
file cache.

Why the mix is a fair one. Of 200 users, about 144 are visitors (a page every
2-6 s), about 52 learners whose phones send their offline queue, and 4 officers.
A phone records one time event per 5-40 s of study, so a 50-event queue holds
about 20 minutes of learning; a learner's phone sends one every 1-3 minutes here,
several times what it records, which stands for everyone reconnecting at once when
the centre's Wi-Fi comes back. (Sending one every 20-60 s, as the plan first did,
was a flood: 52 phones claiming about 25 hours of learning a minute.)

This file is also the locustfile: Locust imports it and finds the user classes.
"""

import csv
import itertools
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import gevent
from locust import FastHttpUser, between, constant, task

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
PLAN = (
    json.loads(Path(os.environ["LOAD_PLAN"]).read_text())
    if "LOAD_PLAN" in os.environ
    else {}
)
GZIP = {"Accept-Encoding": "gzip, deflate"}
BATCH = 50
_tokens = itertools.count()

# ---------------------------------------------------------------- Locust users


class OnePage(FastHttpUser):
    """Saturation: one address again and again, no pause."""

    wait_time = constant(0)

    @task
    def get(self):
        self.client.get(
            os.environ["LOAD_PATH"], name=os.environ["LOAD_NAME"], headers=GZIP
        )


class Visitor(FastHttpUser):
    """An anonymous resident browsing on a phone."""

    weight = 14
    wait_time = between(2, 6)

    def page(self, kind):
        self.client.get(random.choice(PLAN[kind]), name=kind, headers=GZIP)

    @task(3)
    def home(self):
        self.page("home")

    @task(2)
    def catalogue(self):
        self.page("catalogue")

    @task(3)
    def course(self):
        self.page("course")

    @task(5)
    def lesson(self):
        self.page("lesson")

    @task(2)
    def resource(self):
        self.page("resource")

    @task(2)
    def search(self):
        self.page("search")


class Learner(FastHttpUser):
    """A signed-in learner's phone sending its offline queue: 50 events a batch."""

    weight = 5
    # A phone sends its queue when it is back online, not all the time (see the
    # module's docstring for why 1-3 minutes).
    wait_time = between(60, 180)

    def on_start(self):
        # Phones come online at different moments of the first 45 s, not all at
        # the start (the run is short: a first wait of 1-3 minutes would end it).
        gevent.sleep(random.uniform(0, 45))
        learner = PLAN["learners"][next(_tokens) % len(PLAN["learners"])]
        self.token = learner["token"]
        # The device's time line: time events follow one another, as a phone's do.
        self.clock = datetime.now(UTC) - timedelta(hours=20)

    @task
    def send_batch(self):
        events = []
        for _ in range(BATCH):
            seconds = random.randint(5, 40)
            self.clock += timedelta(seconds=seconds)
            events.append(
                {
                    "id": str(uuid.uuid4()),
                    "type": "lesson.time",
                    "lesson": random.choice(PLAN["lesson_ids"]),
                    "at": self.clock.isoformat(),
                    "seconds": seconds,
                }
            )
        self.client.post(
            "/api/lms/events/",
            json={"events": events},
            name="event batch",
            headers={"Authorization": f"Token {self.token}", **GZIP},
        )


class Officer(FastHttpUser):
    """A commune officer, signed in earlier (sessions last), opening the reports."""

    fixed_count = 4
    wait_time = between(20, 60)

    def on_start(self):
        self.wait()

    @task
    def report(self):
        self.client.get(
            "/bao-cao/",
            name="report",
            headers={"Cookie": f"sessionid={PLAN['officer_session']}", **GZIP},
        )


# ---------------------------------------------------------------- the driver


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(base: str, name: str) -> str:
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=f"/{name}"))


def recreate_database(base: str, name: str) -> str:
    import psycopg

    with psycopg.connect(database_url(base, "postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return database_url(base, name)


def run(args, *, env, cwd=ROOT, quiet=True):
    subprocess.run(
        args,
        cwd=cwd,
        env={**os.environ, **env},
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def prepare(out: str) -> None:
    """In a Django process: the demo, 60 learners with API tokens, an officer."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.utils import timezone as dj_timezone
    from rest_framework.authtoken.models import Token

    from cms.demo import load_cms_demo
    from cms.models import CourseIndexPage, CoursePage, LessonPage, OpenResourcePage
    from lms.demo import load_lms_demo
    from lms.models import Enrolment
    from lms.recognition.demo import DEMO_OFFICERS, load_recognition_demo
    from lms.services.enrolments import enrol

    load_cms_demo()
    load_lms_demo()
    load_recognition_demo()
    courses = [
        c
        for c in CoursePage.objects.live()
        if LessonPage.objects.child_of(c).live().exists()
    ]
    course = courses[0]
    lessons = list(LessonPage.objects.child_of(course).live())
    yesterday = dj_timezone.now() - timedelta(days=1)
    learners = []
    User = get_user_model()
    for number in range(60):
        phone = f"0977{number:06d}"
        user = User.objects.filter(phone=phone).first() or User.objects.create_user(
            phone=phone, full_name=f"Học viên {number}"
        )
        enrolment = enrol(learner=user, course=course).enrolment
        # Enrolled yesterday: time events count from enrolling on.
        Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=yesterday)
        learners.append({"token": Token.objects.get_or_create(user=user)[0].key})

    def urls(pages):
        return [page.url for page in pages]

    plan = {
        "home": ["/"],
        "catalogue": urls(CourseIndexPage.objects.live()),
        "course": urls(courses),
        "lesson": urls(LessonPage.objects.live()),
        "resource": urls(OpenResourcePage.objects.live()),
        "search": [
            "/search/?q=l%C3%BAa",
            "/search/?q=s%E1%BB%A9c+kh%E1%BB%8Fe",
            "/search/?q=m%C3%A1y+t%C3%ADnh",
        ],
        "lesson_ids": [lesson.pk for lesson in lessons],
        "learners": learners,
        "officer_session": officer_session(User.objects.get(phone=DEMO_OFFICERS[0][0])),
    }
    Path(out).write_text(json.dumps(plan))


def officer_session(user) -> str:
    """A signed-in session, as the officer's browser keeps from an earlier day.

    Signing in is measured apart: each sign-in hashes a password on purpose slowly.
    """
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


class Server:
    """gunicorn serving one site on a free loopback port."""

    def __init__(self, app: str, *, cwd: Path, env: dict, log: Path, workers: int):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                app,
                "-w",
                str(workers),
                "-b",
                f"127.0.0.1:{self.port}",
            ]
            # WEB_THREADS > 1: gthread workers, so a slow request (an event batch)
            # does not hold a whole process while cached pages wait; 4 as
            # runplatform and the Dockerfile, for both sites alike.
            + ["--threads", os.environ.get("WEB_THREADS", "4")]
            + ["--access-logfile", "-", "--log-level", "warning"],
            cwd=cwd,
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=log.open("ab"),
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(self.url + "/", timeout=5).read()
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start, see {log}") from None
                time.sleep(0.3)

    def warm(self, paths):
        for path in paths:
            urllib.request.urlopen(self.url + path, timeout=30).read()

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def locust(
    host: str, users: list[str], *, count: int, seconds: int, out: Path, env=None
) -> dict:
    """Run Locust headless; return {name: stats row} from its CSV."""
    command = [str(VENV_BIN / "locust"), "-f", __file__, *users, "--headless"]
    command += ["-u", str(count), "-r", str(max(count // 5, 1)), "-t", f"{seconds}s"]
    command += ["--host", host, "--csv", str(out), "--only-summary"]
    with Path(f"{out}.log").open("wb") as log:
        subprocess.run(
            command,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=log,
            check=False,  # exits 1 when a request failed: the figures say so
        )
    with open(f"{out}_stats.csv", newline="") as handle:
        return {row["Name"]: row for row in csv.DictReader(handle)}


def figures(row: dict) -> tuple[float, float, float, int, int]:
    return (
        float(row["Requests/s"]),
        float(row["50%"]),
        float(row["95%"]),
        int(row["Request Count"]),
        int(row["Failure Count"]),
    )


def make_anchor(base_url: str, work: Path, log: Path) -> tuple[Path, dict]:
    """A bare Wagtail project (`wagtail start`) on its own database."""
    project = work / "anchor"
    project.mkdir()
    run([str(VENV_BIN / "wagtail"), "start", "anchor", str(project)], env={})
    (project / "anchor" / "settings" / "bench.py").write_text(
        "import dj_database_url\n"
        "from .base import *  # noqa\n"
        "DEBUG = False\n"
        "SECRET_KEY = 'bench-only'\n"
        "ALLOWED_HOSTS = ['127.0.0.1', 'localhost']\n"
        "DATABASES = {'default': dj_database_url.config(conn_max_age=60)}\n"
        "STORAGES['staticfiles'] = {'BACKEND': "
        "'django.contrib.staticfiles.storage.StaticFilesStorage'}\n"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "anchor.settings.bench",
        "DATABASE_URL": recreate_database(base_url, "load_anchor"),
        "PYTHONPATH": str(project),
    }
    run([sys.executable, "manage.py", "migrate", "--noinput"], env=env, cwd=project)
    return project, env


def main() -> None:
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        sys.exit(
            "Run under .ci/with-postgres: the load plan needs a PostgreSQL server."
        )
    workers = int(os.environ.get("WEB_WORKERS", 2))
    sat_users = int(os.environ.get("LOAD_SATURATION_USERS", 16))
    sat_seconds = int(os.environ.get("LOAD_SATURATION_SECONDS", 20))
    mix_users = int(os.environ.get("LOAD_USERS", 200))
    mix_seconds = int(os.environ.get("LOAD_SECONDS", 60))
    work = Path(tempfile.mkdtemp(prefix="tthtcd-load-"))
    log = work / "gunicorn.log"
    redis_process = None
    app_env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.embedded",
        "SECRET_KEY": "bench-only-" + "x" * 40,
        "DATABASE_URL": recreate_database(base_url, "load_app"),
        "CACHE_DIR": str(work / "cache"),
        "MEDIA_ROOT": str(work / "media"),
        "PRIVATE_MEDIA_ROOT": str(work / "private"),
        "LOG_LEVEL": "WARNING",
        # Learners here send faster than a phone does; the limit is not under test.
        "LEARNER_API_RATE": "100000/minute",
        "REDIS_URL": "",
    }
    if os.environ.get("LOAD_REDIS"):
        port = free_port()
        redis_process = subprocess.Popen(
            [
                shutil.which("redis-server"),
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
            ],
            stdout=subprocess.DEVNULL,
        )
        app_env["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
    try:
        print(f"work directory {work}; {workers} gunicorn workers each", flush=True)
        run([sys.executable, "manage.py", "migrate", "--noinput"], env=app_env)
        run([sys.executable, __file__, "prepare", str(work / "plan.json")], env=app_env)
        plan_env = {"LOAD_PLAN": str(work / "plan.json")}
        plan = json.loads((work / "plan.json").read_text())
        anchor_dir, anchor_env = make_anchor(base_url, work, log)
        results = {}

        def saturate(server, name, path):
            rows = locust(
                server.url,
                ["OnePage"],
                count=sat_users,
                seconds=sat_seconds,
                out=work / f"sat-{len(results)}",
                env={"LOAD_PATH": path, "LOAD_NAME": name},
            )
            results[name] = figures(rows[name])
            print(f"  {name}: {results[name][0]:.0f} req/s", flush=True)

        print("bare Wagtail welcome page", flush=True)
        server = Server(
            "anchor.wsgi", cwd=anchor_dir, env=anchor_env, log=log, workers=workers
        )
        try:
            server.warm(["/"])
            saturate(server, "bare Wagtail /", "/")
        finally:
            server.stop()

        print("platform, page cache on", flush=True)
        server = Server("config.wsgi", cwd=ROOT, env=app_env, log=log, workers=workers)
        try:
            samples = {
                kind: plan[kind][0]
                for kind in (
                    "home",
                    "catalogue",
                    "course",
                    "lesson",
                    "resource",
                    "search",
                )
            }
            server.warm(samples.values())
            for kind, path in samples.items():
                saturate(server, f"{kind} (cached)", path)
            print(f"mixed run: {mix_users} users, {mix_seconds} s", flush=True)
            mix = locust(
                server.url,
                ["Visitor", "Learner", "Officer"],
                count=mix_users,
                seconds=mix_seconds,
                out=work / "mix",
                env=plan_env,
            )
        finally:
            server.stop()

        print("platform, page cache off", flush=True)
        server = Server(
            "config.wsgi",
            cwd=ROOT,
            env={**app_env, "PAGE_CACHE_SECONDS": "0"},
            log=log,
            workers=workers,
        )
        try:
            server.warm([samples["course"], samples["lesson"]])
            saturate(server, "course (uncached)", samples["course"])
            saturate(server, "lesson (uncached)", samples["lesson"])
        finally:
            server.stop()

        report(results, mix, mix_users, mix_seconds)
    finally:
        if redis_process:
            redis_process.terminate()


def row(*cells) -> str:
    """One table line: a name, then right-aligned figures."""
    name, *figures_ = cells
    return f"{name:<22}" + "".join(f"{cell:>9}" for cell in figures_)


def report(results, mix, mix_users, mix_seconds) -> None:
    anchor = results["bare Wagtail /"][0]
    print()
    print("Saturation (same gunicorn workers, PostgreSQL, one address at a time)")
    print(row("page", "req/s", "x bare", "p50 ms", "p95 ms", "requests", "errors"))
    for name, (rps, p50, p95, count, failures) in results.items():
        print(
            row(name, f"{rps:.1f}", f"{rps / anchor:.2f}", f"{p50:.0f}")
            + row("", f"{p95:.0f}", count, failures)[22:]
        )
    print()
    print(f"Mixed run: {mix_users} simulated users for {mix_seconds} s")
    print(row("kind", "req/s", "p50 ms", "p95 ms", "requests", "errors"))
    for name, stats in mix.items():
        rps, p50, p95, count, failures = figures(stats)
        print(row(name, f"{rps:.1f}", f"{p50:.0f}", f"{p95:.0f}", count, failures))


if __name__ == "__main__":
    if sys.argv[1:2] == ["prepare"]:
        sys.path.insert(0, str(ROOT))
        prepare(sys.argv[2])
    else:
        main()

"""`make run`'s last step: one command serves the site and keeps a task worker alive."""

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
WORKER_STARTED = re.compile(r"Task worker started \(pid (\d+)\)")


def get_health(port: int):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)
    except OSError:
        return None, None


def wait_for(condition, *, seconds: float, every: float = 0.3):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(every)
    return condition()


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """One migrated SQLite database; each test serves a copy of it."""
    directory = tmp_path_factory.mktemp("runplatform")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.embedded",
            "SECRET_KEY_FILE": str(directory / ".secret-key"),
            "DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}",
        },
        check=True,
        timeout=300,
    )
    return directory / "db.sqlite3"


class Platform:
    """`manage.py runplatform` as `make run` starts it, its output collected."""

    def __init__(self, tmp_path: Path, database: Path):
        self.database = tmp_path / "db.sqlite3"
        shutil.copy(database, self.database)
        self.port = free_port()
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runplatform",
                "--port",
                str(self.port),
                "--web-workers",
                "1",
            ],
            cwd=ROOT,
            env={
                **os.environ,
                # The settings `make run` serves with: DEBUG off, a generated key.
                "DJANGO_SETTINGS_MODULE": "config.settings.embedded",
                "SECRET_KEY_FILE": str(tmp_path / ".secret-key"),
                "DATABASE_URL": f"sqlite:///{self.database}",
                "MEDIA_ROOT": str(tmp_path / "media"),
            },
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self):
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def worker_pids(self) -> list[int]:
        return [int(pid) for pid in WORKER_STARTED.findall(self.output)]

    def heartbeat_names(self) -> set[str]:
        with sqlite3.connect(self.database) as db:
            return {
                row[0]
                for row in db.execute("SELECT worker_id FROM cms_workerheartbeat")
            }

    def stop(self):
        # As Ctrl-C or a supervisor would: the signal goes to the whole group.
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


@pytest.fixture
def platform(tmp_path, migrated):
    platform = Platform(tmp_path, migrated)
    try:
        status, body = wait_for(
            lambda: (
                get_health(platform.port)
                if get_health(platform.port)[0] == 200
                else None
            ),
            seconds=60,
            every=0.5,
        ) or (None, None)
        assert status == 200, (body, platform.output)
        yield platform
    finally:
        if platform.process.poll() is None:
            platform.stop()


def test_runplatform_serves_with_worker_and_stops_both_on_sigterm(platform):
    status, body = get_health(platform.port)
    assert body["worker"]["ok"] and body["database"]["vendor"] == "sqlite"
    # With DEBUG off the static files are still served (whitenoise).
    for css in ("cms/css/site.css", "wagtailadmin/css/core.css"):
        with urllib.request.urlopen(
            f"http://127.0.0.1:{platform.port}/static/{css}", timeout=5
        ) as r:
            assert r.status == 200
            assert r.headers["Content-Type"].startswith("text/css")
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{platform.port}/khong-co/", timeout=5)
    except urllib.error.HTTPError as error:
        missing = error.code, error.read().decode()
    assert missing[0] == 404 and "Không tìm thấy trang" in missing[1]

    platform.stop()
    assert platform.process.returncode == 0
    assert get_health(platform.port) == (None, None)
    assert "Traceback" not in platform.output
    assert "Web server and task worker stopped" in platform.output


def test_a_killed_worker_is_restarted_while_the_web_keeps_answering(platform):
    [first] = platform.worker_pids()
    os.kill(first, signal.SIGKILL)
    answers = []
    restarted = wait_for(
        lambda: (
            answers.append(get_health(platform.port)[0])
            or (len(platform.worker_pids()) > 1 and platform.worker_pids())
        ),
        seconds=30,
    )
    assert restarted, platform.output
    second = restarted[-1]
    assert second != first
    assert f"Task worker (pid {first}) exited with code -9; restarting in 1 s" in (
        platform.output
    )
    # The web server answered all along; the new worker beats under its own name.
    assert answers and all(status in (200, 503) for status in answers), answers
    assert wait_for(
        lambda: any(name.endswith(f":{second}") for name in platform.heartbeat_names()),
        seconds=30,
    )
    assert get_health(platform.port)[0] == 200
    platform.stop()
    assert platform.process.returncode == 0
    assert "Traceback" not in platform.output

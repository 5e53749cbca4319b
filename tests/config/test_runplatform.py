"""`make run`'s last step: one command serves the site and runs the task worker."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]


def get_health(port: int):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)
    except OSError:
        return None, None


def test_runplatform_serves_with_worker_and_stops_both_on_sigterm(tmp_path):
    env = {
        **os.environ,
        # The settings `make run` serves with: DEBUG off, a generated key.
        "DJANGO_SETTINGS_MODULE": "config.settings.embedded",
        "SECRET_KEY_FILE": str(tmp_path / ".secret-key"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    port = free_port()
    launcher = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "runplatform",
            "--port",
            str(port),
            "--web-workers",
            "1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        status = body = None
        while time.monotonic() < deadline and status != 200:
            time.sleep(0.5)
            status, body = get_health(port)
        assert status == 200, body
        assert body["worker"]["ok"] and body["database"]["vendor"] == "sqlite"
        # With DEBUG off the static files are still served (whitenoise).
        for css in ("cms/css/site.css", "wagtailadmin/css/core.css"):
            with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/static/{css}", timeout=5
            ) as r:
                assert r.status == 200
                assert r.headers["Content-Type"].startswith("text/css")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/khong-co/", timeout=5)
        except urllib.error.HTTPError as error:
            missing = error.code, error.read().decode()
        assert missing[0] == 404 and "Không tìm thấy trang" in missing[1]
    finally:
        # As Ctrl-C or a supervisor would: the signal goes to the whole group.
        os.killpg(launcher.pid, signal.SIGTERM)
        output = launcher.communicate(timeout=30)[0].decode()
    assert launcher.returncode is not None
    assert get_health(port) == (None, None)
    assert "Traceback" not in output

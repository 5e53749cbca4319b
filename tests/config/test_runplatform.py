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
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DEBUG": "false",
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
    finally:
        # As Ctrl-C or a supervisor would: the signal goes to the whole group.
        os.killpg(launcher.pid, signal.SIGTERM)
        output = launcher.communicate(timeout=30)[0].decode()
    assert launcher.returncode is not None
    assert get_health(port) == (None, None)
    assert "Traceback" not in output

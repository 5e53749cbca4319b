"""A real Learning Record Store on loopback: Ralph (``ralph-malph``) from .venv-lrs.

One Ralph per test session, on a free port, with the filesystem backend in a
temporary folder and basic-auth credentials made up here (``ralph auth`` writes its
auth file; ``ralph_server.py`` runs it). Tests may stop and start it again on the
same port. Each test gets its own base URL, so its statement ids (uuid5 of the
site) never meet another test's.
"""

import json
import os
import secrets
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import requests
from django.conf import settings as django_settings

from tests.conftest import free_port

LRS_PYTHON = Path(django_settings.BASE_DIR) / ".venv-lrs" / "bin" / "python"
STARTUP_SECONDS = 60


class Ralph:
    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/xAPI"
        self.username = "platform"
        self.password = secrets.token_urlsafe(16)
        self.data = folder / "data"
        self.data.mkdir()
        self.env = {
            **os.environ,
            "RALPH_APP_DIR": str(folder / "app"),
            "RALPH_AUTH_FILE": str(folder / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.data),
        }
        self.process = None
        subprocess.run(
            [
                LRS_PYTHON,
                "-m",
                "ralph",
                "auth",
                "--username",
                self.username,
                "--password",
                self.password,
                "--scope",
                "all",
                "--agent-ifi-account",
                self.username,
                "http://127.0.0.1",
                "--write-to-disk",
            ],
            env=self.env,
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        log = (self.folder / "server.log").open("ab")
        self.process = subprocess.Popen(
            [LRS_PYTHON, Path(__file__).with_name("ralph_server.py"), str(self.port)],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError((self.folder / "server.log").read_text())
            try:
                requests.get(f"http://127.0.0.1:{self.port}/__lbheartbeat__", timeout=1)
                return
            except requests.ConnectionError:
                time.sleep(0.2)
        raise RuntimeError("Ralph did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None

    def get(self, **params) -> dict:
        response = requests.get(
            f"{self.url}/statements",
            params=params,
            auth=(self.username, self.password),
            headers={"X-Experience-API-Version": "1.0.3"},
            timeout=10,
        )
        response.raise_for_status()
        return response.json()

    def statement(self, statement_id) -> dict | None:
        found = self.get(statementId=str(statement_id)).get("statements", [])
        return found[0] if found else None

    def stored_copies(self, statement_id) -> int:
        """How many copies of the id the backend's files hold (not the API's view)."""
        count = 0
        for path in self.data.rglob("*"):
            if path.is_file():
                for line in path.read_text().splitlines():
                    if line.strip() and json.loads(line).get("id") == str(statement_id):
                        count += 1
        return count


@pytest.fixture(scope="session")
def ralph(tmp_path_factory):
    if not LRS_PYTHON.exists():
        pytest.skip("the test LRS is not installed: run `make lrs`")
    server = Ralph(tmp_path_factory.mktemp("ralph"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def lrs(ralph, settings):
    """xAPI on, sending to the running Ralph, under a base URL of this test's own."""
    if ralph.process is None:
        ralph.start()
    settings.WAGTAILADMIN_BASE_URL = f"https://t{uuid.uuid4().hex[:12]}.hoctap.test"
    settings.XAPI_LRS_URL = ralph.url
    settings.XAPI_LRS_USERNAME = ralph.username
    settings.XAPI_LRS_PASSWORD = ralph.password
    settings.XAPI_TIMEOUT_SECONDS = 5
    yield ralph
    if ralph.process is None:
        ralph.start()


@pytest.fixture
def xapi_on(settings):
    """xAPI on without any LRS behind it (nothing is sent in these tests)."""
    settings.XAPI_LRS_URL = f"http://127.0.0.1:{free_port()}/xAPI"
    settings.XAPI_LRS_USERNAME = "platform"
    settings.XAPI_LRS_PASSWORD = "not-used"
    return settings

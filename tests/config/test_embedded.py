"""`make run` serves the embedded default: DEBUG off and a key made once, kept 0600."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from config.local_secrets import local_secret, secret_key

ROOT = Path(__file__).resolve().parents[2]
KNOWN_KEYS = {"", "dev-only-not-secret", "test-only-not-secret"}


def embedded_settings(key_file: Path) -> list[str]:
    """DEBUG, SECRET_KEY and ALLOWED_HOSTS as a fresh process reads them."""
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.embedded",
        SECRET_KEY_FILE=str(key_file),
        ALLOWED_HOSTS="192.168.1.20",
        DEBUG="true",  # a stray DEBUG in the environment must not turn it on
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings as s;"
            "print(s.DEBUG); print(s.SECRET_KEY); print(','.join(s.ALLOWED_HOSTS))",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.split()


def test_make_run_uses_the_embedded_settings_unless_asked_for_debug():
    plain = subprocess.run(
        ["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    debug = subprocess.run(
        ["make", "-n", "run", "DEBUG=1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "DJANGO_SETTINGS_MODULE=config.settings.embedded exec" in plain
    assert "config.settings.dev .venv/bin/python manage.py runplatform" not in plain
    assert "DJANGO_SETTINGS_MODULE=config.settings.dev exec" in debug


def test_embedded_settings_have_debug_off_and_a_generated_stable_key(tmp_path):
    key_file = tmp_path / ".secret-key"
    debug, key, hosts = embedded_settings(key_file)
    assert debug == "False"
    assert key not in KNOWN_KEYS and len(key) >= 50
    assert hosts.split(",") == ["localhost", "127.0.0.1", "[::1]", "192.168.1.20"]
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_text().strip() == key
    # A restart reads the same key: sessions survive.
    assert embedded_settings(key_file)[1] == key


def test_local_secret_is_made_once_and_kept(tmp_path):
    first = secret_key(tmp_path / "key")
    assert secret_key(tmp_path / "key") == first
    assert secret_key(tmp_path / "other") != first
    assert stat.S_IMODE((tmp_path / "key").stat().st_mode) == 0o600


def test_an_empty_secret_file_is_replaced(tmp_path):
    (tmp_path / "key").write_text("")
    assert len(local_secret(tmp_path / "key", nbytes=12)) >= 16


SQLITE_PRAGMAS = (
    "import django; django.setup();"
    "from django.db import connection;"
    "cursor = connection.cursor();"
    "print(*[cursor.execute(f'PRAGMA {name}').fetchone()[0]"
    " for name in ('journal_mode', 'busy_timeout', 'synchronous')],"
    " connection.transaction_mode)"
)


@pytest.mark.parametrize("settings_module", ["embedded", "dev"])
def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path, settings_module):
    """The web server and the worker write at once: readers never block the
    writer (WAL), a writer waits up to 20 s for another (busy timeout) and takes
    the write lock at BEGIN (IMMEDIATE), so a read never fails on upgrading."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE=f"config.settings.{settings_module}",
        SECRET_KEY_FILE=str(tmp_path / ".secret-key"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "-c", SQLITE_PRAGMAS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    # synchronous=NORMAL (1) is safe in WAL mode and much faster than FULL.
    assert result.stdout.split() == ["wal", "20000", "1", "IMMEDIATE"]

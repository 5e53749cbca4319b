"""Secrets the embedded default makes for itself: kept in files at the repository root.

`make run` needs a secret key and an admin password without asking anyone. Each is
generated once with `secrets.token_urlsafe`, written readable by the owner only
(mode 0600) and read again on every start, so sessions and the admin login survive
restarts. This module is imported by settings: it must not import Django.
"""

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET_KEY_FILE = ROOT / ".secret-key"
ADMIN_PASSWORD_FILE = ROOT / ".admin-password"


def local_secret(path: Path, *, nbytes: int) -> str:
    """The secret kept in ``path``; made (and written 0600) on first use."""
    path = Path(path)
    try:
        # O_EXCL: two processes starting at once cannot both write a secret.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        value = path.read_text().strip()
        if value:
            return value
        # An empty file (a start that died mid-write) is replaced.
        path.unlink()
        return local_secret(path, nbytes=nbytes)
    value = secrets.token_urlsafe(nbytes)
    with os.fdopen(fd, "w") as file:
        file.write(value + "\n")
    return value


def secret_key(path: Path | None = None) -> str:
    """The embedded default's SECRET_KEY (50 random bytes)."""
    return local_secret(path or SECRET_KEY_FILE, nbytes=50)


def admin_password(path: Path | None = None) -> str:
    """The demo administrator's password, shown by `make run`."""
    return local_secret(path or ADMIN_PASSWORD_FILE, nbytes=12)

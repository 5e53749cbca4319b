"""Removing a directory of stored files, locally or on S3."""

import contextlib
from pathlib import Path

from django.core.files.storage import default_storage


def delete_tree(prefix: str) -> None:
    """Remove every stored file under ``prefix`` (a directory in the storage)."""
    try:
        directories, files = default_storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        default_storage.delete(f"{prefix}/{name}")
    for directory in directories:
        delete_tree(f"{prefix}/{directory}")
    with contextlib.suppress(NotImplementedError, OSError):
        Path(default_storage.path(prefix)).rmdir()  # local storage keeps empty dirs

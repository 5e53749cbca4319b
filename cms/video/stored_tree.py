"""Removing stored files (one, or a directory of them), locally or on S3."""

import contextlib
from pathlib import Path

from django.core.files.storage import default_storage

# Where every video's renditions live: ``<root>/<media id>/...``.
RENDITIONS_ROOT = "media/renditions"


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


def delete_stored(name: str) -> None:
    """Remove ``name``, whether a directory of stored files or one file."""
    delete_tree(name)
    # A file (or, locally, the directory delete_tree emptied); nothing if absent.
    default_storage.delete(name)

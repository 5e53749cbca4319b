"""The uploaded ZIP: its directory checked against the limits, its files streamed.

Nothing here reads a whole file into memory. A member is copied in chunks into a
temporary file on disk while its bytes are counted against what the directory
declared and what the upload may still expand to, so a ZIP whose headers lie is
stopped while streaming, not after.
"""

import hashlib
import posixpath
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from typing import IO

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .errors import BundleError, MemberError
from .limits import Limits

CHUNK_BYTES = 64 * 1024


def open_archive(upload) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise BundleError(_("The uploaded file is not a ZIP archive.")) from error


def members(bundle: zipfile.ZipFile, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    """Files by base name, refused as a whole when the directory exceeds the limits.

    Folders and macOS metadata are ignored.
    """
    found = {}
    count = total = 0
    for info in bundle.infolist():
        if info.is_dir() or info.filename.startswith("__MACOSX/"):
            continue
        count += 1
        total += info.file_size
        name = posixpath.basename(info.filename)
        if name and not name.startswith("."):
            found.setdefault(name, info)
    if count > limits.max_files:
        raise BundleError(
            _("The ZIP archive holds %(count)s files; at most %(max)s are accepted.")
            % {"count": count, "max": limits.max_files}
        )
    check_expanded_size(total, limits)
    return found


def check_expanded_size(total: int, limits: Limits) -> None:
    if total > limits.max_expanded_bytes:
        raise BundleError(
            _("The ZIP archive is too large once unpacked (over %(size)s).")
            % {"size": filesizeformat(limits.max_expanded_bytes)}
        )


class Budget:
    """The bytes an upload may still expand, spent as members are streamed."""

    def __init__(self, limits: Limits):
        self.limit = limits.max_expanded_bytes
        self.bytes_left = limits.max_expanded_bytes

    def spend(self, size: int) -> None:
        self.bytes_left -= size
        if self.bytes_left < 0:
            raise MemberError(
                _("The ZIP archive is too large once unpacked (over %(size)s).")
                % {"size": filesizeformat(self.limit)}
            )


@dataclass
class StagedFile:
    """A member copied to a temporary file, with what Wagtail records of a document."""

    name: str
    file: IO[bytes]
    size: int
    sha1: str

    def close(self) -> None:
        self.file.close()


def stage(bundle: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> StagedFile:
    """Copy one member in chunks to a temporary file; refuse it once it overflows."""
    name = posixpath.basename(info.filename)
    target = tempfile.TemporaryFile()  # noqa: SIM115 - the caller closes it
    digest = hashlib.sha1(usedforsecurity=False)
    size = 0
    try:
        with bundle.open(info) as source:
            while chunk := source.read(CHUNK_BYTES):
                size += len(chunk)
                if size > info.file_size:
                    raise MemberError(
                        _("The file “%(name)s” is larger than the ZIP declares.")
                        % {"name": name}
                    )
                budget.spend(len(chunk))
                digest.update(chunk)
                target.write(chunk)
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as error:
        target.close()
        raise MemberError(
            _("The file “%(name)s” in the ZIP is damaged.") % {"name": name}
        ) from error
    except MemberError:
        target.close()
        raise
    target.seek(0)
    return StagedFile(name=name, file=target, size=size, sha1=digest.hexdigest())


def spool(bundle: zipfile.ZipFile, info: zipfile.ZipInfo, *, max_bytes: int):
    """A manifest member as a seekable temporary file (openpyxl needs one)."""
    if info.file_size > max_bytes:
        raise BundleError(
            _("The manifest is too large (over %(size)s).")
            % {"size": filesizeformat(max_bytes)}
        )
    target = tempfile.TemporaryFile()  # noqa: SIM115 - the caller closes it
    try:
        with bundle.open(info) as source:
            shutil.copyfileobj(source, target, CHUNK_BYTES)
    except (zipfile.BadZipFile, EOFError, OSError) as error:
        target.close()
        raise BundleError(
            _("The file “%(name)s” in the ZIP is damaged.")
            % {"name": posixpath.basename(info.filename)}
        ) from error
    target.seek(0)
    return target

"""The state of resumable uploads: chunks in the private storage, offsets in rows.

Each accepted chunk is one file ``resumable/<id>/<offset>`` in ``STORAGES["private"]``
(a directory on this machine, a private bucket prefix at scale), so any web process
can take the next chunk and nothing is reachable by URL. A chunk counts only once it
has arrived whole: a connection dropped half-way leaves the offset where it was and
the client sends that chunk again. The offset moves by a conditional update, so two
requests racing for the same offset cannot both win.
"""

import contextlib
import tempfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.db import transaction
from django.utils import timezone

from cms.models import ResumableUpload

READ_BYTES = 256 * 1024


class UploadRefused(Exception):
    """A request the upload cannot take; ``status`` is the HTTP answer tus expects."""

    status = 400


class TooLarge(UploadRefused):
    status = 413


class OffsetMismatch(UploadRefused):
    status = 409


class IncompleteChunk(UploadRefused):
    """The connection ended before the announced bytes arrived; nothing was kept."""

    status = 400


def chunk_storage():
    return storages["private"]


def expires_at(upload: ResumableUpload) -> datetime:
    hours = settings.RESUMABLE_UPLOAD_EXPIRY_HOURS
    return upload.updated_at + timedelta(hours=hours)


def create_upload(
    *, owner, length: int, filename: str = "", content_type: str = ""
) -> ResumableUpload:
    """A new empty upload of ``length`` bytes; refused beyond the size cap.

    A person keeps at most RESUMABLE_UPLOADS_PER_PERSON unfinished uploads: older
    ones beyond that were given up (a new file chosen) and are removed.
    """
    if length < 0:
        raise UploadRefused("negative length")
    if length > settings.RESUMABLE_UPLOAD_MAX_BYTES:
        raise TooLarge(f"at most {settings.RESUMABLE_UPLOAD_MAX_BYTES} bytes")
    expire_abandoned()
    upload = ResumableUpload.objects.create(
        owner=owner,
        length=length,
        filename=Path(filename).name[:255],
        content_type=content_type[:100],
    )
    keep = settings.RESUMABLE_UPLOADS_PER_PERSON
    for old in ResumableUpload.objects.filter(owner=owner).order_by("-updated_at")[
        keep:
    ]:
        terminate(old)
    return upload


def _read_exactly(stream, count: int, into) -> int:
    received = 0
    while received < count:
        try:
            data = stream.read(min(READ_BYTES, count - received))
        except OSError:  # the client went away mid-body
            break
        if not data:
            break
        into.write(data)
        received += len(data)
    return received


def append_chunk(
    *, upload: ResumableUpload, offset: int, stream, length: int
) -> ResumableUpload:
    """Store ``length`` bytes read from ``stream`` at ``offset``; the new state.

    Refused when ``offset`` is not where the upload stands, when the chunk would
    pass the announced length or the chunk cap, or when fewer bytes arrive.
    """
    if offset != upload.offset:
        raise OffsetMismatch(f"offset is {upload.offset}")
    if length > settings.RESUMABLE_UPLOAD_MAX_CHUNK_BYTES:
        raise TooLarge(f"chunks of at most {settings.RESUMABLE_UPLOAD_MAX_CHUNK_BYTES}")
    if offset + length > upload.length:
        raise TooLarge("past the announced length")
    storage = chunk_storage()
    name = f"{upload.chunk_prefix}/{offset:015d}"
    with tempfile.SpooledTemporaryFile(max_size=4 * 1024 * 1024) as buffer:
        if _read_exactly(stream, length, buffer) != length:
            raise IncompleteChunk("the chunk did not arrive whole")
        buffer.seek(0)
        stored = storage.save(name, File(buffer, name=name))
        moved = ResumableUpload.objects.filter(pk=upload.pk, offset=offset).update(
            offset=offset + length, updated_at=timezone.now()
        )
        if stored != name:
            # ``name`` was taken: by a request that lost the race for this offset,
            # or left by one that died before moving it. The winner's bytes go
            # there; a loser's alternate copy goes away.
            if moved:
                storage.delete(name)
                buffer.seek(0)
                storage.save(name, File(buffer, name=name))
            storage.delete(stored)
    upload.refresh_from_db()
    if not moved:
        raise OffsetMismatch(f"offset is {upload.offset}")
    return upload


def _chunk_names(upload: ResumableUpload) -> list[str]:
    try:
        _dirs, files = chunk_storage().listdir(upload.chunk_prefix)
    except FileNotFoundError:
        return []
    return sorted(name for name in files if name.isdigit())


@contextlib.contextmanager
def assembled(upload: ResumableUpload) -> Iterator[Path]:
    """A local file holding the whole upload, removed on leaving the block."""
    if not upload.is_complete:
        raise UploadRefused("the upload is not complete")
    storage = chunk_storage()
    suffix = Path(upload.filename).suffix.lower()[:10]
    with tempfile.NamedTemporaryFile(suffix=suffix, prefix="resumable-") as target:
        expected = 0
        for name in _chunk_names(upload):
            if int(name) != expected:
                raise UploadRefused("a chunk is missing")
            with storage.open(f"{upload.chunk_prefix}/{name}", "rb") as chunk:
                while data := chunk.read(READ_BYTES):
                    target.write(data)
                    expected += len(data)
        if expected != upload.length:
            raise UploadRefused("the chunks do not add up to the length")
        target.flush()
        yield Path(target.name)


def _delete_chunks(prefix: str) -> None:
    storage = chunk_storage()
    try:
        _dirs, files = storage.listdir(prefix)
    except FileNotFoundError:
        return
    for name in files:
        storage.delete(f"{prefix}/{name}")
    with contextlib.suppress(NotImplementedError, OSError):
        Path(storage.path(prefix)).rmdir()  # local storage keeps empty directories


def terminate(upload: ResumableUpload) -> None:
    """Forget the upload and delete its chunks once the transaction commits."""
    prefix = upload.chunk_prefix
    upload.delete()
    transaction.on_commit(lambda: _delete_chunks(prefix))


def expire_abandoned(*, now: datetime | None = None) -> int:
    """Remove uploads untouched for RESUMABLE_UPLOAD_EXPIRY_HOURS; how many."""
    cutoff = (now or timezone.now()) - timedelta(
        hours=settings.RESUMABLE_UPLOAD_EXPIRY_HOURS
    )
    stale = list(ResumableUpload.objects.filter(updated_at__lt=cutoff))
    for upload in stale:
        terminate(upload)
    return len(stale)

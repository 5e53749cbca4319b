"""The worker's side of one transcoding attempt: claim, transcode, upload, publish.

Guarantees: the original file is only read; every output is written to a local
temporary directory first, then uploaded through Django's storage API under
``media/renditions/<id>/<attempt>/``; the row becomes ``ready`` only after all of
them are stored. A failed or superseded attempt removes what it uploaded, so no
half set is ever published. The set it replaces stays until its grace period is
over (cms.video.retirement).
"""

import logging
import tempfile
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms import page_cache
from cms.models import LessonMedia
from cms.models.media import TranscodeStatus

from .playlists import set_prefix
from .probe import MediaRejected, inspect_media
from .retirement import retire
from .stored_tree import RENDITIONS_ROOT, delete_tree
from .transcode import TranscodeError, transcode

logger = logging.getLogger(__name__)
PROGRESS_WRITE_SECONDS = 1.0
COPY_CHUNK_BYTES = 16 * 1024 * 1024


class LeaseLost(Exception):
    """This attempt was superseded (retried, recovered) while it ran."""


def renditions_prefix(media_id: int, attempt: int) -> str:
    return f"{RENDITIONS_ROOT}/{media_id}/{attempt}"


def _lease_until():
    return timezone.now() + timedelta(seconds=settings.MEDIA_TRANSCODE_LEASE_SECONDS)


def _attempt(media_id: int, attempt: int):
    return LessonMedia.objects.filter(pk=media_id, transcode_attempt=attempt)


def claim(*, media_id: int, attempt: int) -> bool:
    """Take the queued attempt for this worker; False if it is not ours to run."""
    now = timezone.now()
    return bool(
        _attempt(media_id, attempt)
        .filter(transcode_status=TranscodeStatus.QUEUED)
        .update(
            transcode_status=TranscodeStatus.PROCESSING,
            transcode_percent=0,
            transcode_started_at=now,
            transcode_lease_until=_lease_until(),
        )
    )


def renew(*, media_id: int, attempt: int, percent: int | None = None) -> None:
    """Extend the lease (and record progress); raise LeaseLost if superseded."""
    changes = {"transcode_lease_until": _lease_until()}
    if percent is not None:
        changes["transcode_percent"] = min(percent, 99)
    updated = (
        _attempt(media_id, attempt)
        .filter(transcode_status=TranscodeStatus.PROCESSING)
        .update(**changes)
    )
    if not updated:
        raise LeaseLost


def _local_source(media: LessonMedia, workdir: Path, *, attempt: int) -> Path:
    """A local path to the original: the file itself, or a copy from remote storage.

    A long download keeps renewing the lease, so it is not taken for a dead worker.
    """
    try:
        return Path(media.file.path)
    except NotImplementedError:
        target = workdir / f"source{Path(media.file.name).suffix}"
        storage = media.file.storage
        with storage.open(media.file.name, "rb") as remote, target.open("wb") as local:
            while chunk := remote.read(COPY_CHUNK_BYTES):
                local.write(chunk)
                renew(media_id=media.pk, attempt=attempt)
        return target


def _upload(out_dir: Path, *, prefix: str, media_id: int, attempt: int) -> None:
    # Attempt numbers are never reused for a row, but a row id can be (SQLite
    # after a delete): clear anything left under this prefix by an earlier life.
    delete_tree(prefix)
    for path in sorted(p for p in out_dir.rglob("*") if p.is_file()):
        name = f"{prefix}/{path.relative_to(out_dir).as_posix()}"
        with path.open("rb") as handle:
            stored = default_storage.save(name, File(handle, name=path.name))
        if stored != name:
            raise TranscodeError(f"storage renamed {name} to {stored}")
        renew(media_id=media_id, attempt=attempt)


def failure_reason(error: Exception) -> str:
    """Why a conversion failed, in the site's language, for the staff who see it."""
    with translation.override(settings.LANGUAGE_CODE):
        if isinstance(error, MediaRejected):
            return str(error.message)
        if isinstance(error, TranscodeError):
            return _("ffmpeg could not convert the file: %(detail)s") % {
                "detail": (error.detail.strip().splitlines() or ["?"])[-1]
            }
        return _("Conversion stopped by an error: %(error)s") % {"error": error}


def _fail(media_id: int, attempt: int, reason: str) -> None:
    _attempt(media_id, attempt).update(
        transcode_status=TranscodeStatus.FAILED,
        transcode_error=reason,
        transcode_lease_until=None,
        transcode_finished_at=timezone.now(),
    )


def _publish(media: LessonMedia, *, attempt: int, prefix: str, result, info) -> bool:
    changes = {
        "transcode_status": TranscodeStatus.READY,
        "transcode_percent": 100,
        "transcode_error": "",
        "transcode_lease_until": None,
        "transcode_finished_at": timezone.now(),
        "hls_playlist": f"{prefix}/{result.master}",
        "download_file": f"{prefix}/{result.download}",
        "download_bytes": result.download_bytes,
        "poster_file": f"{prefix}/{result.poster}" if result.poster else "",
        "posters": {w: f"{prefix}/{name}" for w, name in result.posters.items()},
        "thumbnail_file": f"{prefix}/{result.thumbnail}" if result.thumbnail else "",
        "renditions": [
            {**r, "playlist": f"{prefix}/{r['playlist']}"} for r in result.renditions
        ],
        "duration": round(info.duration, 3),
        "width": info.width,
        "height": info.height,
        "size_bytes": info.size_bytes,
    }
    if not media.thumbnail and result.thumbnail:
        changes["thumbnail"] = f"{prefix}/{result.thumbnail}"
    return bool(
        _attempt(media.pk, attempt)
        .filter(transcode_status=TranscodeStatus.PROCESSING)
        .update(**changes)
    )


def run_transcode(*, media_id: int, attempt: int) -> str:
    """Run one attempt to its end; returns ready, failed, superseded or skipped."""
    if not claim(media_id=media_id, attempt=attempt):
        return "skipped"
    media = LessonMedia.objects.get(pk=media_id)
    previous = set_prefix(media)
    prefix = renditions_prefix(media_id, attempt)
    last_write = [timezone.now()]

    def on_progress(percent: int) -> None:
        now = timezone.now()
        if (now - last_write[0]).total_seconds() >= PROGRESS_WRITE_SECONDS:
            renew(media_id=media_id, attempt=attempt, percent=percent)
            last_write[0] = now

    uploaded = False
    try:
        with tempfile.TemporaryDirectory(prefix="transcode-") as workdir:
            source = _local_source(media, Path(workdir), attempt=attempt)
            info = inspect_media(source, expected_kind=media.type)
            renew(media_id=media_id, attempt=attempt, percent=0)
            out_dir = Path(workdir) / "out"
            out_dir.mkdir()
            result = transcode(source, out_dir, info=info, on_progress=on_progress)
            renew(media_id=media_id, attempt=attempt, percent=99)
            uploaded = True
            _upload(out_dir, prefix=prefix, media_id=media_id, attempt=attempt)
        with transaction.atomic():
            if not _publish(
                media, attempt=attempt, prefix=prefix, result=result, info=info
            ):
                raise LeaseLost
            if previous and previous != prefix:
                # Someone may be watching the old set: it goes after a grace period.
                retire(prefix=previous)
            # Cached lesson pages still show "processing" or the old playlist.
            page_cache.invalidate_all()
    except LeaseLost:
        if uploaded:
            delete_tree(prefix)
        return "superseded"
    except Exception as error:
        logger.exception("Transcoding media %s attempt %s failed", media_id, attempt)
        if uploaded:
            delete_tree(prefix)
        _fail(media_id, attempt, failure_reason(error))
        return "failed"
    return "ready"

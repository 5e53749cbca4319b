"""Writes that start transcoding: on upload, on retry and on recovery."""

from django.db import transaction
from django.db.models import F

from cms.models import LessonMedia
from cms.models.media import TranscodeStatus

from .tasks import publish_playlists, transcode_media


def request_transcode(*, media: LessonMedia) -> int:
    """Queue a fresh attempt for ``media`` once the current transaction commits.

    Any attempt still running for it is superseded: it may finish its ffmpeg run but
    can no longer publish. Returns the new attempt number.
    """
    with transaction.atomic():
        LessonMedia.objects.filter(pk=media.pk).update(
            transcode_attempt=F("transcode_attempt") + 1,
            transcode_status=TranscodeStatus.QUEUED,
            transcode_percent=0,
            transcode_error="",
            transcode_lease_until=None,
            transcode_started_at=None,
            transcode_finished_at=None,
        )
        media.refresh_from_db()
        attempt = media.transcode_attempt
        transaction.on_commit(
            lambda: transcode_media.enqueue(media_id=media.pk, attempt=attempt)
        )
    return attempt


def can_retry(media: LessonMedia) -> bool:
    return media.transcode_status in {TranscodeStatus.FAILED, TranscodeStatus.READY}


def retry_transcode(*, media: LessonMedia) -> int | None:
    """Retry a failed (or redo a finished) job; None when one is already under way."""
    if not can_retry(media):
        return None
    return request_transcode(media=media)


def request_playlists(*, media: LessonMedia) -> None:
    """Publish a new master playlist (subtitles changed) once the transaction commits.

    A video not processed yet gets its languages listed when it is.
    """
    transaction.on_commit(lambda: publish_playlists.enqueue(media_id=media.pk))

"""Recovery of attempts whose worker died: never stuck "processing" forever.

A processing attempt holds a lease that its progress keeps extending. When the lease
has run out the worker is gone (killed, out of memory, machine restarted): the files
it may have uploaded are removed and the media is queued again, or marked failed
with a retry button once it has used up its attempts. The worker runs
``recover_interrupted`` as a periodic job (settings.PERIODIC_JOBS).
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.models import AudioTrack, LessonMedia
from cms.models.media import TranscodeStatus

from .audio_tracks import request_track, track_prefix
from .pipeline import delete_tree, renditions_prefix
from .services import request_transcode

logger = logging.getLogger(__name__)


def stale_attempts(*, now=None):
    now = now or timezone.now()
    return LessonMedia.objects.filter(
        Q(transcode_lease_until__lt=now) | Q(transcode_lease_until__isnull=True),
        transcode_status=TranscodeStatus.PROCESSING,
    )


def recover_interrupted(*, now=None) -> dict[int, str]:
    """Requeue or fail every attempt whose lease ran out; returns {id: outcome}."""
    outcomes = {}
    for media_id in stale_attempts(now=now).values_list("pk", flat=True):
        with transaction.atomic():
            media = (
                stale_attempts(now=now).select_for_update().filter(pk=media_id).first()
            )
            if media is None:  # finished or taken over meanwhile
                continue
            prefix = renditions_prefix(media.pk, media.transcode_attempt)
            transaction.on_commit(lambda prefix=prefix: delete_tree(prefix))
            if media.transcode_attempt >= settings.MEDIA_TRANSCODE_MAX_ATTEMPTS:
                with translation.override(settings.LANGUAGE_CODE):
                    reason = _(
                        "The conversion was interrupted %(count)s times "
                        "(the worker stopped). Press Retry to try again."
                    ) % {"count": media.transcode_attempt}
                LessonMedia.objects.filter(pk=media.pk).update(
                    transcode_status=TranscodeStatus.FAILED,
                    transcode_error=str(reason),
                    transcode_lease_until=None,
                    transcode_finished_at=timezone.now(),
                )
                outcomes[media.pk] = "failed"
            else:
                request_transcode(media=media)
                outcomes[media.pk] = "requeued"
    if outcomes:
        logger.warning("Recovered interrupted transcodes: %s", outcomes)
    recover_interrupted_tracks(now=now)
    return outcomes


def recover_interrupted_tracks(*, now=None) -> dict[int, str]:
    """The same for dubbed audio tracks: requeue, or fail after the last attempt."""
    now = now or timezone.now()
    stale = AudioTrack.objects.filter(
        Q(lease_until__lt=now) | Q(lease_until__isnull=True),
        status=TranscodeStatus.PROCESSING,
    )
    outcomes = {}
    for track in stale.select_related("media"):
        prefix = track_prefix(track, track.attempt)
        if track.attempt >= settings.MEDIA_TRANSCODE_MAX_ATTEMPTS:
            with translation.override(settings.LANGUAGE_CODE):
                # Tracks have no retry button: staff send the recording again.
                reason = _(
                    "The conversion was interrupted %(count)s times "
                    "(the worker stopped). Add the recording again to try again."
                ) % {"count": track.attempt}
            updated = stale.filter(pk=track.pk, attempt=track.attempt).update(
                status=TranscodeStatus.FAILED, error=str(reason), lease_until=None
            )
            outcome = "failed"
        else:
            updated = stale.filter(pk=track.pk, attempt=track.attempt).exists()
            if updated:
                request_track(track=track)
            outcome = "requeued"
        if updated:
            delete_tree(prefix)
            outcomes[track.pk] = outcome
    if outcomes:
        logger.warning("Recovered interrupted audio tracks: %s", outcomes)
    return outcomes

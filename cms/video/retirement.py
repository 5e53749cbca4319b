"""Replaced renditions and files stay reachable for a grace period, then are deleted.

When a new attempt goes live, the previous one's files are not deleted at once:
``retire`` records them with the time they may go (settings
``MEDIA_RENDITIONS_GRACE_SECONDS``), and the worker's periodic job
``delete_retired`` removes them once that time has passed. The same holds for a
dubbed track's replaced recording, a deleted track's files and a replaced or
deleted subtitle file (cms.video.replaced_files). A retired name that something
still refers to when its time comes (cms.video.stored_refs) waits another grace
period instead.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from cms.models import RetiredRenditions

from .stored_refs import in_use
from .stored_tree import delete_stored

logger = logging.getLogger(__name__)


def retire(*, prefix: str, now: datetime | None = None) -> None:
    """Keep ``prefix`` (a directory or one file) reachable for the grace period,
    then let it be deleted."""
    now = now or timezone.now()
    grace = timedelta(seconds=settings.MEDIA_RENDITIONS_GRACE_SECONDS)
    RetiredRenditions.objects.update_or_create(
        prefix=prefix, defaults={"delete_after": now + grace}
    )


def delete_retired(*, now: datetime | None = None) -> list[str]:
    """The periodic job: delete every retired name whose grace period is over and
    that nothing refers to any more."""
    now = now or timezone.now()
    grace = timedelta(seconds=settings.MEDIA_RENDITIONS_GRACE_SECONDS)
    deleted = []
    for retired in RetiredRenditions.objects.filter(delete_after__lte=now):
        if in_use(retired.prefix):
            retired.delete_after = now + grace
            retired.save(update_fields=["delete_after"])
            continue
        delete_stored(retired.prefix)
        # Only forgotten once its files are gone: an error leaves it for next time.
        retired.delete()
        deleted.append(retired.prefix)
    if deleted:
        logger.info("Deleted replaced renditions: %s", deleted)
    return deleted

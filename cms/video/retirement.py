"""Replaced renditions stay reachable for a grace period, then are deleted.

When a new attempt goes live, the previous one's files are not deleted at once:
``retire`` records them with the time they may go (settings
``MEDIA_RENDITIONS_GRACE_SECONDS``), and the worker's periodic job
``delete_retired`` removes them once that time has passed.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from cms.models import RetiredRenditions

from .stored_tree import delete_tree

logger = logging.getLogger(__name__)


def retire(*, prefix: str, now: datetime | None = None) -> None:
    """Keep ``prefix`` reachable for the grace period, then let it be deleted."""
    now = now or timezone.now()
    grace = timedelta(seconds=settings.MEDIA_RENDITIONS_GRACE_SECONDS)
    RetiredRenditions.objects.update_or_create(
        prefix=prefix, defaults={"delete_after": now + grace}
    )


def delete_retired(*, now: datetime | None = None) -> list[str]:
    """The periodic job: delete every retired set whose grace period is over."""
    now = now or timezone.now()
    deleted = []
    for retired in RetiredRenditions.objects.filter(delete_after__lte=now):
        delete_tree(retired.prefix)
        # Only forgotten once its files are gone: an error leaves it for next time.
        retired.delete()
        deleted.append(retired.prefix)
    if deleted:
        logger.info("Deleted replaced renditions: %s", deleted)
    return deleted

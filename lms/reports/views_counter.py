"""Counting views of open resources without touching the CMS code.

``cms`` must not import ``lms``, so the count is taken from Wagtail's
``before_serve_page`` hook registered by this app.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import PageViewDaily


def record_view(*, page_id: int) -> None:
    """Add one view of the page to today's count, safely under concurrent requests."""
    day = timezone.localdate()
    updated = PageViewDaily.objects.filter(page_id=page_id, day=day).update(
        count=F("count") + 1
    )
    if updated:
        return
    try:
        with transaction.atomic():
            PageViewDaily.objects.create(page_id=page_id, day=day, count=1)
    except IntegrityError:
        # Another request created today's row between our update and insert.
        PageViewDaily.objects.filter(page_id=page_id, day=day).update(
            count=F("count") + 1
        )

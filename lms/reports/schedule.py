"""Keeping the stored yearly figures fresh from the task worker.

Small sites compute reports live and need nothing here. A province-sized site sets
REPORT_SUMMARY_REFRESH_HOURS (e.g. 6): every worker then checks now and then whether
the current year's stored figures are older than that and, if so, queues one refresh
(the refresh rewrites the same rows, so two workers queueing at once do no harm).
"""

import logging
import threading
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from .models import SummarisedYear
from .tasks import refresh_summaries_task
from .views_counter import flush_view_counts

CHECK_EVERY_SECONDS = 600
logger = logging.getLogger(__name__)


def refresh_is_due(
    *, now: datetime, refreshed_at: datetime | None, every: timedelta
) -> bool:
    """Never stored, or stored longer ago than the refresh interval."""
    return refreshed_at is None or now - refreshed_at >= every


def queue_refresh_if_due(*, now: datetime | None = None) -> bool:
    """Queue a refresh of this year and last year when due; say whether it did."""
    hours = settings.REPORT_SUMMARY_REFRESH_HOURS
    if not hours:
        return False
    now = now or timezone.now()
    stored = SummarisedYear.objects.filter(year=timezone.localdate(now).year).first()
    if not refresh_is_due(
        now=now,
        refreshed_at=stored.refreshed_at if stored else None,
        every=timedelta(hours=hours),
    ):
        return False
    refresh_summaries_task.enqueue()
    return True


def start_refresh_loop() -> threading.Event | None:
    """Check now and every few minutes in a side thread; None when switched off."""
    if not settings.REPORT_SUMMARY_REFRESH_HOURS:
        return None
    stop = threading.Event()

    def loop():
        while not stop.is_set():
            try:
                queue_refresh_if_due()
            finally:
                connection.close()
            stop.wait(CHECK_EVERY_SECONDS)

    threading.Thread(target=loop, name="report-summaries", daemon=True).start()
    return stop


def start_view_count_flush_loop() -> threading.Event:
    """Write the cached open-resource view counts every VIEW_COUNT_FLUSH_SECONDS."""
    stop = threading.Event()

    def loop():
        while not stop.wait(settings.VIEW_COUNT_FLUSH_SECONDS):
            try:
                flush_view_counts()
            except Exception:
                # A locked or restarting database: the counters wait for next time.
                logger.exception("Flushing open-resource view counts failed")
            finally:
                connection.close()

    threading.Thread(target=loop, name="view-counts", daemon=True).start()
    return stop

"""Keeping the stored yearly figures fresh: periodic jobs of the task worker.

Small sites compute reports live and need nothing here. A province-sized site sets
REPORT_SUMMARY_REFRESH_HOURS (e.g. 6): the worker then checks now and then whether
the current year's stored figures are older than that and, if so, queues one refresh
(the refresh rewrites the same rows, so two workers queueing at once do no harm).
Stored years are also refreshed every night and after each recognition decision.
The jobs are declared in settings.PERIODIC_JOBS (cms.periodic).
"""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import SummarisedYear
from .tasks import refresh_summaries_task


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


def years_to_refresh(*, today: date) -> list[int]:
    """Last year and this one when the site stores figures, else those stored.

    A year nobody stored is computed live and already fresh: refreshing it would
    turn it into stored figures a small site never asked for.
    """
    recent = [today.year - 1, today.year]
    if settings.REPORT_SUMMARY_REFRESH_HOURS:
        return recent
    return sorted(
        SummarisedYear.objects.filter(year__in=recent).values_list("year", flat=True)
    )


def queue_nightly_refresh() -> list[int]:
    """The nightly job: queue one refresh of the stored recent years."""
    years = years_to_refresh(today=timezone.localdate())
    if years:
        refresh_summaries_task.enqueue(years=years)
    return years


def refresh_after_decision(*, year: int, **kwargs) -> bool:
    """A decision changed a year's figures: refresh them once it commits, if stored."""
    if not SummarisedYear.objects.filter(year=year).exists():
        return False
    transaction.on_commit(lambda: refresh_summaries_task.enqueue(years=[year]))
    return True

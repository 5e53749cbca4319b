"""The worker keeps the stored report figures fresh when a site asks for it."""

from datetime import timedelta

from django.core.management import get_commands
from django.utils import timezone

from lms.reports.models import SummarisedYear
from lms.reports.schedule import queue_refresh_if_due, refresh_is_due

NOW = timezone.now()


def test_refresh_is_due_when_never_stored_or_too_old():
    every = timedelta(hours=6)
    assert refresh_is_due(now=NOW, refreshed_at=None, every=every)
    assert refresh_is_due(now=NOW, refreshed_at=NOW - timedelta(hours=7), every=every)
    assert not refresh_is_due(
        now=NOW, refreshed_at=NOW - timedelta(hours=1), every=every
    )


def test_small_sites_stay_live(db, settings):
    settings.REPORT_SUMMARY_REFRESH_HOURS = 0
    assert not queue_refresh_if_due()
    assert not SummarisedYear.objects.exists()


def test_a_due_refresh_stores_this_year_once(db, settings):
    settings.REPORT_SUMMARY_REFRESH_HOURS = 6
    assert queue_refresh_if_due()  # the test settings run tasks at once
    this_year = timezone.localdate().year
    assert SummarisedYear.objects.filter(year=this_year).exists()
    assert not queue_refresh_if_due()


def test_the_worker_command_is_the_one_that_refreshes():
    assert get_commands()["worker"] == "lms.reports"


def test_view_count_flush_loop_survives_errors_and_runs_again(settings, monkeypatch):
    """A failed flush (say, a locked database) is logged; the next one still runs."""
    import threading

    from lms.reports import schedule

    settings.VIEW_COUNT_FLUSH_SECONDS = 0.01
    calls = []
    ran_twice = threading.Event()

    def flaky_flush():
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database is locked")
        ran_twice.set()
        return 0

    monkeypatch.setattr(schedule, "flush_view_counts", flaky_flush)
    stop = schedule.start_view_count_flush_loop()
    try:
        assert ran_twice.wait(timeout=10)
    finally:
        stop.set()
    assert len(calls) >= 2

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

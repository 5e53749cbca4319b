"""The worker keeps the stored report figures fresh when a site asks for it."""

from datetime import timedelta

from django.utils import timezone

from lms.reports.models import SummarisedYear
from lms.reports.schedule import (
    queue_nightly_refresh,
    queue_refresh_if_due,
    refresh_is_due,
)

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


def test_the_nightly_refresh_leaves_live_years_live(db, settings):
    settings.REPORT_SUMMARY_REFRESH_HOURS = 0
    assert queue_nightly_refresh() == []
    assert not SummarisedYear.objects.exists()


def test_the_nightly_refresh_rewrites_stored_years(db, settings):
    settings.REPORT_SUMMARY_REFRESH_HOURS = 0
    this_year = timezone.localdate().year
    old = timezone.now() - timedelta(days=3)
    SummarisedYear.objects.create(year=this_year, refreshed_at=old)
    assert queue_nightly_refresh() == [this_year]
    assert SummarisedYear.objects.get(year=this_year).refreshed_at > old
    assert not SummarisedYear.objects.filter(year=this_year - 1).exists()


def test_sites_that_store_figures_refresh_both_years_nightly(db, settings):
    settings.REPORT_SUMMARY_REFRESH_HOURS = 6
    this_year = timezone.localdate().year
    assert queue_nightly_refresh() == [this_year - 1, this_year]
    assert SummarisedYear.objects.count() == 2


def test_the_refresh_jobs_are_declared_in_the_schedule(settings):
    jobs = dict(settings.PERIODIC_JOBS)
    assert jobs["lms.reports.schedule.queue_nightly_refresh"] == "02:00"
    assert jobs["lms.reports.schedule.queue_refresh_if_due"] > 0


def test_view_counts_are_flushed_by_the_periodic_helper(settings):
    jobs = dict(settings.PERIODIC_JOBS)
    assert jobs["lms.reports.views_counter.flush_view_counts"] == (
        settings.VIEW_COUNT_FLUSH_SECONDS
    )

"""The worker's periodic helper: one schedule from settings, surviving errors."""

import logging
import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import OperationalError

from cms.periodic import RETRY_SECONDS, Job, Schedule, configured_schedule, parse_job

T0 = datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("UTC"))


class Flaky:
    """A job whose first ``failures`` runs hit a locked database."""

    def __init__(self, failures=1):
        self.failures = failures
        self.calls = 0
        self.done = threading.Event()

    def __call__(self):
        self.calls += 1
        if self.calls <= self.failures:
            raise OperationalError("database is locked")
        self.done.set()


def test_a_job_that_raises_a_database_error_runs_again(caplog):
    job = Flaky()
    schedule = Schedule([Job("tests.flaky", job, every=timedelta(seconds=30))], now=T0)
    with caplog.at_level(logging.ERROR, logger="cms.periodic"):
        assert schedule.run_due(now=T0) == {"tests.flaky": False}
    assert "Periodic job tests.flaky failed" in caplog.text
    assert "database is locked" in caplog.text
    assert schedule.run_due(now=T0 + timedelta(seconds=29)) == {}
    assert schedule.run_due(now=T0 + timedelta(seconds=30)) == {"tests.flaky": True}
    assert job.calls == 2


def test_a_failed_daily_job_is_retried_within_minutes():
    job = Flaky()
    schedule = Schedule([Job("tests.nightly", job, at=T0.time())], now=T0)
    # A daily job waits for its time: 10:00 UTC is 17:00 in Hà Nội.
    assert schedule.seconds_to_next(now=T0) > 0
    first = next(iter(schedule.due.values()))
    assert first.astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).hour == 10
    assert schedule.run_due(now=first) == {"tests.nightly": False}
    assert schedule.seconds_to_next(now=first) == RETRY_SECONDS
    retry = first + timedelta(seconds=RETRY_SECONDS)
    assert schedule.run_due(now=retry) == {"tests.nightly": True}
    assert schedule.due[next(iter(schedule.due))] == first + timedelta(days=1)


def test_the_thread_keeps_running_after_an_error():
    job = Flaky(failures=2)
    schedule = Schedule([Job("tests.flaky", job, every=timedelta(seconds=0.05))])
    stop = schedule.run_in_thread()
    try:
        assert job.done.wait(timeout=10)
    finally:
        stop.set()
    assert job.calls >= 3


def test_schedules_are_seconds_or_a_daily_time():
    assert parse_job("cms.worker.heartbeat", 10).every == timedelta(seconds=10)
    assert parse_job("cms.worker.heartbeat", "02:30").at.hour == 2
    with pytest.raises(ValueError):
        parse_job("cms.worker.heartbeat", 0)
    with pytest.raises(ImportError):
        parse_job("cms.worker.no_such_job", 10)


def test_every_configured_job_exists(settings):
    paths = {job.path for job in configured_schedule().due}
    assert {
        "cms.worker.heartbeat",
        "cms.video.recovery.recover_interrupted",
        "cms.video.retirement.delete_retired",
        "lms.reports.schedule.queue_refresh_if_due",
        "lms.reports.schedule.queue_nightly_refresh",
    } <= paths
    settings.PERIODIC_JOBS = [*settings.PERIODIC_JOBS, ("cms.worker.heartbeat", 5)]
    assert len(configured_schedule().due) == len(paths) + 1

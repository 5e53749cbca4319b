"""`manage.py worker` survives database errors instead of exiting."""

import logging

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django_tasks_db.management.commands import db_worker

from cms.management.commands import worker as worker_command
from cms.periodic import Schedule
from lms.reports.models import SummarisedYear
from lms.reports.tasks import refresh_summaries_task


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "video"],
        }
    }


@pytest.fixture(autouse=True)
def no_periodic_jobs(monkeypatch):
    """Only the task loop here; tests/config/test_runplatform.py runs the jobs too."""
    monkeypatch.setattr(worker_command, "configured_schedule", lambda: Schedule([]))


@pytest.fixture
def slept(monkeypatch):
    delays = []
    monkeypatch.setattr(worker_command.time, "sleep", delays.append)
    return delays


def fail_first(monkeypatch, errors):
    """The worker loop's first database calls fail as a restarting server does."""
    real = db_worker.close_old_connections
    pending = list(errors)

    def close_old_connections():
        if pending:
            raise pending.pop(0)
        real()

    monkeypatch.setattr(db_worker, "close_old_connections", close_old_connections)


def test_the_worker_retries_after_database_errors_and_runs_the_task(
    transactional_db, database_queue, monkeypatch, slept, caplog
):
    fail_first(
        monkeypatch,
        [OperationalError("server closed the connection unexpectedly")] * 3,
    )
    result = refresh_summaries_task.enqueue(years=[2025])
    with caplog.at_level(logging.WARNING, logger=worker_command.__name__):
        call_command("worker", "--batch", "--no-startup-delay", verbosity=0)
    # Back-off doubles: 1, 2, 4 seconds; then the queued task ran.
    assert slept == [1.0, 2.0, 4.0]
    assert "Task worker: database error (server closed the connection" in caplog.text
    result.refresh()
    assert result.status == "SUCCESSFUL"
    assert SummarisedYear.objects.filter(year=2025).exists()


def test_other_errors_still_stop_the_worker(
    transactional_db, database_queue, monkeypatch, slept
):
    fail_first(monkeypatch, [RuntimeError("a bug")])
    with pytest.raises(RuntimeError):
        call_command("worker", "--batch", "--no-startup-delay", verbosity=0)
    assert slept == []

"""The task worker's periodic jobs, declared once in ``settings.PERIODIC_JOBS``.

Each entry is ``(dotted path, schedule)``: the path names a function taking no
argument, the schedule is seconds between runs (the first run at start) or a daily
local time ``"HH:MM"``. One thread runs them all. A job that raises (SQLite's
"database is locked", a PostgreSQL restart, a bug) is logged and runs again a little
later, so one error never stops the schedule. Jobs must be short: long work is
enqueued as a task for the worker.
"""

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)
# A failed job is tried again after this long, or its own interval if shorter.
RETRY_SECONDS = 60
# The thread wakes at least this often, so a stop request is honoured quickly.
MAX_SLEEP_SECONDS = 5


@dataclass(frozen=True)
class Job:
    path: str
    function: Callable[[], object]
    every: timedelta | None = None
    at: time | None = None

    def first_run(self, now: datetime) -> datetime:
        return now if self.every else self.next_run(now)

    def next_run(self, now: datetime) -> datetime:
        if self.every:
            return now + self.every
        local = timezone.localtime(now)
        candidate = local.replace(
            hour=self.at.hour, minute=self.at.minute, second=0, microsecond=0
        )
        return candidate if candidate > local else candidate + timedelta(days=1)

    def retry_run(self, now: datetime) -> datetime:
        return min(self.next_run(now), now + timedelta(seconds=RETRY_SECONDS))


def parse_job(path: str, schedule: float | str) -> Job:
    function = import_string(path)
    if isinstance(schedule, str):
        return Job(path, function, at=time.fromisoformat(schedule))
    if schedule <= 0:
        raise ValueError(f"{path}: the interval must be positive")
    return Job(path, function, every=timedelta(seconds=schedule))


def run_job(job: Job) -> bool:
    """Run one job; an error is logged, never raised. Says whether it succeeded."""
    try:
        job.function()
    except Exception:
        logger.exception("Periodic job %s failed; it will run again", job.path)
        return False
    finally:
        # A connection broken by the error (or a server restart) is never reused;
        # one a caller's transaction still holds (a test's) is left to it.
        if not connection.in_atomic_block:
            connection.close()
    return True


class Schedule:
    """When each job runs next; ``run_due`` runs those whose time has come."""

    def __init__(self, jobs: Iterable[Job], *, now: datetime | None = None):
        now = now or timezone.now()
        self.due = {job: job.first_run(now) for job in jobs}

    def run_due(self, *, now: datetime | None = None) -> dict[str, bool]:
        now = now or timezone.now()
        outcomes = {}
        for job, due in self.due.items():
            if due <= now:
                outcomes[job.path] = ok = run_job(job)
                self.due[job] = job.next_run(now) if ok else job.retry_run(now)
        return outcomes

    def seconds_to_next(self, *, now: datetime | None = None) -> float:
        now = now or timezone.now()
        soonest = min(self.due.values(), default=now + timedelta(days=1))
        return max(0.0, (soonest - now).total_seconds())

    def run_in_thread(self) -> threading.Event:
        """Run the schedule in a daemon thread until the returned event is set."""
        stop = threading.Event()

        def loop():
            while not stop.is_set():
                self.run_due()
                stop.wait(min(MAX_SLEEP_SECONDS, self.seconds_to_next()))

        threading.Thread(target=loop, name="periodic-jobs", daemon=True).start()
        return stop


def configured_schedule() -> Schedule:
    return Schedule(parse_job(path, when) for path, when in settings.PERIODIC_JOBS)

"""`manage.py worker`: the database task worker that survives database errors.

It runs django-tasks-db's worker loop (all queues) and, beside it, the periodic jobs
of ``settings.PERIODIC_JOBS`` (cms.periodic): the heartbeat for /health/, the
recovery of transcodes whose worker died, the reports' refresh and the like. When
the database goes away ("database is locked" for too long, a PostgreSQL restart) the
loop waits with a growing delay and carries on instead of exiting.
"""

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from cms.backoff import Backoff
from cms.periodic import configured_schedule

logger = logging.getLogger(__name__)
DATABASE_ERRORS = (OperationalError, InterfaceError)


class ResilientWorker(Worker):
    """db_worker's loop, started again after a database error instead of exiting."""

    backoff_cap = 30.0

    def run(self) -> None:
        backoff = Backoff(first=1.0, cap=self.backoff_cap)
        while self.running:
            started = time.monotonic()
            try:
                return super().run()
            except DATABASE_ERRORS as error:
                if time.monotonic() - started > self.backoff_cap:
                    backoff.reset()  # it had been running well: start small again
                delay = backoff.next_delay()
                logger.warning(
                    "Task worker: database error (%s); retrying in %.0f s",
                    error,
                    delay,
                )
                connections.close_all()
                time.sleep(delay)
        return None


class Command(DbWorkerCommand):
    help = "Run the background task worker (all queues) and the periodic jobs."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*")

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        self.configure_logging(verbosity)
        worker = ResilientWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
        )
        stop = configured_schedule().run_in_thread()
        try:
            worker.configure_signals()
            worker.run()
        finally:
            stop.set()

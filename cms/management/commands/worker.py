"""`manage.py worker`: the database task worker, with a heartbeat for /health/."""

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from cms.worker import start_heartbeat


class Command(DbWorkerCommand):
    help = "Run the background task worker (all queues) and report a heartbeat."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*", reload=False)

    def handle(self, *args, **options):
        stop = start_heartbeat(options["worker_id"])
        try:
            super().handle(*args, **options)
        finally:
            stop.set()

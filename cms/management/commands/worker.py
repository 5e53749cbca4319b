"""`manage.py worker`: the database task worker, with a heartbeat for /health/.

It also takes over transcodes whose worker died (cms.video.recovery): their lease
runs out and they are queued again or marked failed, never left "processing".
"""

from django.conf import settings
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from cms.video.recovery import start_recovery_loop
from cms.worker import start_heartbeat


class Command(DbWorkerCommand):
    help = "Run the background task worker (all queues) and report a heartbeat."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*", reload=False)

    def handle(self, *args, **options):
        stop = start_heartbeat(options["worker_id"])
        stop_recovery = start_recovery_loop(
            interval=max(5, settings.MEDIA_TRANSCODE_LEASE_SECONDS / 4)
        )
        try:
            super().handle(*args, **options)
        finally:
            stop_recovery.set()
            stop.set()

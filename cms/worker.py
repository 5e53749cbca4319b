"""The worker's heartbeat, written from a side thread while tasks run."""

import threading

from django.conf import settings
from django.db import connection
from django.utils import timezone

from cms.models import WorkerHeartbeat


def beat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"beat_at": timezone.now()}
    )


def start_heartbeat(worker_id: str) -> threading.Event:
    """Beat now and then every few seconds until the returned event is set."""
    stop = threading.Event()

    def loop():
        while not stop.is_set():
            try:
                beat(worker_id)
            finally:
                connection.close()
            stop.wait(settings.WORKER_HEARTBEAT_SECONDS)

    beat(worker_id)
    threading.Thread(target=loop, name="worker-heartbeat", daemon=True).start()
    return stop

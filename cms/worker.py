"""The worker's heartbeat for /health/, beaten by a periodic job (cms.periodic)."""

import os
import socket
from datetime import timedelta

from django.utils import timezone

from cms.models import WorkerHeartbeat

# Each restarted worker beats under a new name: old names are forgotten after this.
FORGET_AFTER = timedelta(days=1)


def worker_name() -> str:
    """This worker process, unique on the machine and among machines."""
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def beat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"beat_at": timezone.now()}
    )


def heartbeat() -> None:
    """The periodic job: this process is alive; long-gone workers are forgotten."""
    now = timezone.now()
    beat(worker_name())
    WorkerHeartbeat.objects.filter(beat_at__lt=now - FORGET_AFTER).delete()

"""The task worker's heartbeat, read by the health check."""

from django.db import models


class WorkerHeartbeat(models.Model):
    """The last sign of life of one running worker process."""

    worker_id = models.CharField(max_length=100, unique=True)
    beat_at = models.DateTimeField()

    def __str__(self):
        return f"{self.worker_id} @ {self.beat_at:%H:%M:%S}"

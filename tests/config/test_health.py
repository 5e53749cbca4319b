from datetime import timedelta

from django.db import OperationalError
from django.utils import timezone

from cms.models import WorkerHeartbeat
from cms.periodic import Schedule, parse_job
from cms.worker import beat, worker_name


def test_health_is_503_without_a_worker(client, db):
    response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["database"]["ok"] and body["storage"]["ok"]
    assert body["worker"]["ok"] is False


def test_health_is_503_when_the_heartbeat_is_stale(client, db):
    WorkerHeartbeat.objects.create(
        worker_id="w1", beat_at=timezone.now() - timedelta(minutes=5)
    )
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["worker"]["age_seconds"] >= 300


def test_health_is_200_with_a_fresh_heartbeat(client, db):
    beat("w1")
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_a_live_worker_is_live_again_after_a_database_error(client, db, monkeypatch):
    """The heartbeat job hits a database error once, then beats at its next run."""
    WorkerHeartbeat.objects.create(
        worker_id=worker_name(), beat_at=timezone.now() - timedelta(minutes=5)
    )
    real = WorkerHeartbeat.objects.update_or_create
    failures = iter([OperationalError("server closed the connection unexpectedly")])

    def update_or_create(**kwargs):
        if error := next(failures, None):
            raise error
        return real(**kwargs)

    monkeypatch.setattr(WorkerHeartbeat.objects, "update_or_create", update_or_create)
    schedule = Schedule([parse_job("cms.worker.heartbeat", 10)])
    assert schedule.run_due() == {"cms.worker.heartbeat": False}
    assert client.get("/health/").status_code == 503

    later = timezone.now() + timedelta(seconds=10)
    assert schedule.run_due(now=later) == {"cms.worker.heartbeat": True}
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["worker"]["ok"] is True

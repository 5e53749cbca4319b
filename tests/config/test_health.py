from datetime import timedelta

from django.utils import timezone

from cms.models import WorkerHeartbeat
from cms.worker import beat


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

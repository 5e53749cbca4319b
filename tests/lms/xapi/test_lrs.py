"""Statements sent to a real LRS (Ralph on loopback): accepted, retried, sent once."""

import socket
import threading
import uuid
from datetime import timedelta

import pytest
import requests
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone

from cms.periodic import parse_job, run_job
from lms.services.events import record_event
from lms.xapi.models import Statement, StatementStatus
from lms.xapi.sender import send_pending
from tests.lms.learning import read_lesson

pytestmark = pytest.mark.django_db
SEND_JOB = "lms.xapi.sender.send_pending"


def time_event(lesson, *, seconds=60):
    return {
        "id": str(uuid.uuid4()),
        "type": "lesson.time",
        "lesson": lesson.pk,
        "at": timezone.now().isoformat(),
        "seconds": seconds,
    }


def pending():
    return Statement.objects.filter(status=StatementStatus.PENDING)


def test_statements_are_accepted_and_read_back(lrs, resident, enrolled, lessons):
    """The worker's periodic job sends the outbox; the LRS returns each statement."""
    read_lesson(resident, lessons[0])
    ids = set(Statement.objects.values_list("pk", flat=True))
    assert len(ids) >= 3  # registered, experienced…, completed
    job = dict(django_settings.PERIODIC_JOBS)
    assert SEND_JOB in job
    assert run_job(parse_job(SEND_JOB, job[SEND_JOB]))
    assert not pending().exists()
    for row in Statement.objects.all():
        assert row.status == StatementStatus.SENT and row.sent_at
        stored = lrs.statement(row.pk)
        assert stored is not None, row.verb
        for key in ("actor", "verb", "object", "result"):
            assert stored.get(key) == row.data.get(key)
        assert stored["context"]["language"] == "vi-VN"
        assert stored["authority"]["account"]["name"] == lrs.username


def test_batches_hold_at_most_the_batch_size(lrs, settings, resident, enrolled, lesson):
    settings.XAPI_BATCH_SIZE = 2
    for _ in range(4):
        record_event(learner=resident, data=time_event(lesson, seconds=10))
    report = send_pending()
    assert report.batches == 3  # 5 statements (1 enrolment + 4 times), 2 by 2
    assert report.sent == 5 and not report.failed


def test_retried_with_back_off_after_the_lrs_was_down(
    lrs, settings, resident, enrolled, lesson
):
    settings.XAPI_RETRY_FIRST_SECONDS = 30
    record_event(learner=resident, data=time_event(lesson))
    lrs.stop()
    now = timezone.now()
    report = send_pending(now=now)
    assert report.failed and report.sent == 0
    first_retry = now + timedelta(seconds=30)
    for row in Statement.objects.all():
        assert row.status == StatementStatus.PENDING
        assert row.attempts == 1 and "ConnectionError" in row.last_error
        assert row.next_attempt_at == first_retry
    # Before the delay is over, the LRS is left alone.
    assert send_pending(now=now + timedelta(seconds=29)).batches == 0
    # Still down: the delay doubles.
    assert send_pending(now=first_retry).failed
    assert {row.next_attempt_at for row in pending()} == {
        first_retry + timedelta(seconds=60)
    }
    lrs.start()
    report = send_pending(now=first_retry + timedelta(seconds=60))
    assert not report.failed and report.sent == Statement.objects.count()
    for row in Statement.objects.all():
        assert row.status == StatementStatus.SENT
        assert lrs.statement(row.pk) is not None


def test_sent_once_though_sent_twice(lrs, resident, enrolled, lesson):
    """A batch the LRS stored but whose answer was lost goes again: one copy stays."""
    record_event(learner=resident, data=time_event(lesson))
    assert send_pending().sent == 2
    # The worker died before marking them: they are pending again.
    Statement.objects.update(status=StatementStatus.PENDING, sent_at=None)
    report = send_pending()
    assert report.sent == 2 and not report.failed
    for row in Statement.objects.all():
        assert lrs.stored_copies(row.pk) == 1
    assert send_pending().batches == 0


def test_conflict_for_an_id_already_stored_counts_as_sent(
    lrs, resident, enrolled, lesson
):
    record_event(learner=resident, data=time_event(lesson))
    taken = Statement.objects.get(verb="experienced")
    other = {**taken.data, "result": {"duration": "PT1S"}}
    posted = requests.post(
        f"{lrs.url}/statements",
        json=[other],
        auth=(lrs.username, lrs.password),
        headers={"X-Experience-API-Version": "1.0.3"},
        timeout=10,
    )
    assert posted.ok
    report = send_pending()
    assert report.sent == 2 and report.refused == 0
    taken.refresh_from_db()
    assert taken.status == StatementStatus.SENT and taken.last_error.startswith("409")
    assert lrs.stored_copies(taken.pk) == 1


def test_a_statement_the_lrs_refuses_does_not_block_the_others(
    lrs, resident, enrolled, lesson
):
    record_event(learner=resident, data=time_event(lesson))
    broken = Statement.objects.get(verb="experienced")
    broken.data = {**broken.data, "actor": {"objectType": "Agent"}}  # no identifier
    broken.save()
    report = send_pending()
    assert report.sent == 1 and report.refused == 1
    broken.refresh_from_db()
    assert broken.status == StatementStatus.REFUSED and broken.last_error
    assert send_pending().batches == 0


@pytest.fixture
def silent_lrs(settings):
    """An LRS that accepts connections and never answers (hung, or a dead link)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    settings.XAPI_LRS_URL = f"http://127.0.0.1:{server.getsockname()[1]}/xAPI"
    settings.XAPI_LRS_USERNAME = "platform"
    settings.XAPI_LRS_PASSWORD = "secret"
    settings.XAPI_TIMEOUT_SECONDS = 2
    yield held
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


def test_learners_request_never_waits_for_the_lrs(
    silent_lrs, resident, enrolled, lesson
):
    """Events are answered without touching the LRS while it hangs; the worker
    times out later. Asked by connections, not by the clock: a busy machine is slow."""
    client = Client()
    client.force_login(resident)
    response = client.post(
        "/api/lms/events/",
        {"events": [time_event(lesson)]},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["results"][0]["status"] == "accepted"
    # A call to the LRS would have hung for the 2 s timeout, long enough for the
    # listener to have taken its connection.
    assert silent_lrs == []
    assert pending().filter(verb="experienced").count() == 1
    report = send_pending()
    assert report.failed and "Timeout" in report.errors[0]
    assert silent_lrs  # the worker did call it
    assert pending().count() == Statement.objects.count()


def test_unticked_attendance_is_voided_in_the_lrs(lrs, staff, centre, resident):
    from datetime import date

    from lms.services import classes

    session = classes.create_session(
        centre=centre,
        topic="Kỹ năng số",
        date=date(2026, 3, 2),
        hours=2,
        created_by=staff,
    )

    def tick(present):
        classes.record_attendance(
            session=session,
            present_ids={resident.pk} if present else set(),
            offered_ids={resident.pk},
            recorded_by=staff,
        )

    tick(True)
    assert send_pending().sent == 1
    attended = Statement.objects.get(verb="attended")
    tick(False)
    voiding = Statement.objects.get(verb="voided")
    assert voiding.data["object"] == {
        "objectType": "StatementRef",
        "id": str(attended.pk),
    }
    assert voiding.data["actor"] == attended.data["actor"]
    assert send_pending().sent == 1
    stored = lrs.statement(voiding.pk)
    assert stored["verb"]["id"] == "http://adlnet.gov/expapi/verbs/voided"
    assert stored["object"]["id"] == str(attended.pk)

"""Sending the outbox to the LRS in batches: the worker's periodic job.

One ``POST {XAPI_LRS_URL}/statements`` carries a list of up to ``XAPI_BATCH_SIZE``
statements. A 2xx marks them sent. A 409 (the LRS already holds a different
statement under one of the ids) makes the batch go again one statement at a time,
and a statement answered 409 on its own counts as sent: the LRS has its id. Any
other 4xx for a single statement marks it refused (kept, never retried), so one bad
statement cannot block the queue. When the LRS cannot be reached, times out or
answers 5xx (or refuses the credentials), every due statement waits: the delay
doubles with each failure of the batch (``cms.backoff``) up to a cap, and the run
stops, so a down LRS is asked once per delay, not once per statement.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import requests
from django.conf import settings
from django.utils import timezone

from cms.backoff import Backoff
from lms.xapi import conf
from lms.xapi.models import Statement, StatementStatus

logger = logging.getLogger(__name__)
XAPI_VERSION = "1.0.3"
# A run sends at most this many batches; the next run carries on.
MAX_BATCHES_PER_RUN = 20
# The LRS answered, but not for the statements themselves: wait and retry.
RETRY_STATUSES = {401, 403, 404, 408, 429}


class LRSUnavailable(Exception):
    """The LRS could not take statements now (down, timed out, 5xx)."""


@dataclass
class SendReport:
    sent: int = 0
    refused: int = 0
    failed: bool = False
    batches: int = 0
    errors: list[str] = field(default_factory=list)


def _post(statements: list[dict]) -> requests.Response:
    try:
        response = requests.post(
            f"{settings.XAPI_LRS_URL}/statements",
            json=statements,
            auth=(settings.XAPI_LRS_USERNAME, settings.XAPI_LRS_PASSWORD),
            headers={"X-Experience-API-Version": XAPI_VERSION},
            timeout=settings.XAPI_TIMEOUT_SECONDS,
        )
    except requests.RequestException as error:
        raise LRSUnavailable(f"{type(error).__name__}: {error}") from error
    if response.status_code >= 500 or response.status_code in RETRY_STATUSES:
        raise LRSUnavailable(f"HTTP {response.status_code}: {response.text[:200]}")
    return response


def _mark_sent(ids: list, now: datetime, report: SendReport, note: str = "") -> None:
    report.sent += Statement.objects.filter(
        pk__in=ids, status=StatementStatus.PENDING
    ).update(status=StatementStatus.SENT, sent_at=now, last_error=note)


def _send_one(row: Statement, now: datetime, report: SendReport) -> None:
    response = _post([row.data])
    if response.ok or response.status_code == 409:
        # 409 alone: the LRS holds this id already, so it was delivered before.
        note = "" if response.ok else f"409: {response.text[:200]}"
        _mark_sent([row.pk], now, report, note)
        return
    report.refused += Statement.objects.filter(pk=row.pk).update(
        status=StatementStatus.REFUSED,
        last_error=f"HTTP {response.status_code}: {response.text[:280]}",
        attempts=row.attempts + 1,
    )


def _send_batch(rows: list[Statement], now: datetime, report: SendReport) -> None:
    response = _post([row.data for row in rows])
    if response.ok:
        _mark_sent([row.pk for row in rows], now, report)
        return
    # A conflict or a refusal names no statement: find it one by one.
    for row in rows:
        _send_one(row, now, report)


def _back_off(rows: list[Statement], now: datetime, error: str) -> datetime:
    failures = max(row.attempts for row in rows)
    delay = Backoff(
        first=settings.XAPI_RETRY_FIRST_SECONDS,
        cap=settings.XAPI_RETRY_MAX_SECONDS,
        failures=failures,
    ).next_delay()
    retry_at = now + timedelta(seconds=delay)
    Statement.objects.filter(
        pk__in=[row.pk for row in rows], status=StatementStatus.PENDING
    ).update(attempts=failures + 1, last_error=error[:300])
    # Every statement due now waits as long: the LRS is down for all of them.
    Statement.objects.filter(
        status=StatementStatus.PENDING, next_attempt_at__lt=retry_at
    ).update(next_attempt_at=retry_at)
    return retry_at


def due(now: datetime, limit: int) -> list[Statement]:
    return list(
        Statement.objects.filter(
            status=StatementStatus.PENDING, next_attempt_at__lte=now
        ).order_by("next_attempt_at", "created_at")[:limit]
    )


def send_pending(*, now: datetime | None = None) -> SendReport:
    """Send what is due, a batch at a time, until none is left or the LRS fails."""
    report = SendReport()
    if not conf.enabled():
        return report
    now = now or timezone.now()
    for _ in range(MAX_BATCHES_PER_RUN):
        rows = due(now, settings.XAPI_BATCH_SIZE)
        if not rows:
            break
        report.batches += 1
        try:
            _send_batch(rows, now, report)
        except LRSUnavailable as error:
            retry_at = _back_off(rows, now, str(error))
            logger.warning("xAPI: the LRS failed (%s); next try at %s", error, retry_at)
            report.failed = True
            report.errors.append(str(error))
            break
    return report

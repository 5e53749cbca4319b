"""Adding statements to the outbox, inside the caller's transaction.

A statement is a row written with the learning record it describes: both are kept
or both rolled back (a rejected event leaves no statement). Its id is stable, so a
record saved again adds nothing (the insert ignores an id already there). A record
taken back (attendance unticked, recognition revoked) voids its statements: one not
sent yet is simply dropped, one the LRS holds gets a voiding statement.
"""

import uuid
from collections.abc import Callable
from datetime import datetime

from django.utils import timezone

from lms.xapi import statements
from lms.xapi import vocabulary as v
from lms.xapi.models import Statement, StatementStatus


def add(*, learner_id: int | None, verb: str, data: dict, record: str = "") -> None:
    Statement.objects.bulk_create(
        [
            Statement(
                id=data["id"],
                learner_id=learner_id,
                verb=verb,
                record=record,
                data=data,
                timestamp=datetime.fromisoformat(data["timestamp"]),
                next_attempt_at=timezone.now(),
            )
        ],
        ignore_conflicts=True,
    )


def add_once(
    *, statement_id: uuid.UUID, learner_id: int, verb: str, build: Callable[[], dict]
) -> None:
    """Add the statement unless its id is there: a record saved again (a completed
    lesson's progress on each later event) costs one primary-key lookup."""
    if not Statement.objects.filter(pk=statement_id).exists():
        add(learner_id=learner_id, verb=verb, data=build())


def live(record: str) -> list[Statement]:
    """The record's statements that were not voided."""
    rows = list(Statement.objects.filter(record=record))
    void_ids = {row.pk for row in rows if row.verb == v.VOIDED.key}
    return [
        row
        for row in rows
        if row.verb != v.VOIDED.key
        and statements.statement_id("voided", row.pk) not in void_ids
    ]


def void(record: str) -> None:
    now = timezone.now()
    for row in live(record):
        if row.status == StatementStatus.PENDING:
            row.delete()  # the LRS never saw it
        else:
            add(
                learner_id=row.learner_id,
                verb=v.VOIDED.key,
                data=statements.voided(row.data, at=now),
                record=record,
            )

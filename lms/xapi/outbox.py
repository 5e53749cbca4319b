"""Adding statements to the outbox, inside the caller's transaction.

A statement is a row written with the learning record it describes: both are kept
or both rolled back (a rejected event leaves no statement). Its id is stable, so a
record saved again adds nothing (the insert ignores an id already there).
"""

import uuid
from collections.abc import Callable
from datetime import datetime

from django.utils import timezone

from lms.xapi.models import Statement


def add(*, learner_id: int, verb: str, data: dict) -> None:
    Statement.objects.bulk_create(
        [
            Statement(
                id=data["id"],
                learner_id=learner_id,
                verb=verb,
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

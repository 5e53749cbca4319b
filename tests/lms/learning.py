"""Test helpers: learning time sent as a device would, one stretch after another."""

import uuid
from datetime import timedelta

from django.utils import timezone

from lms.models import Enrolment, EventType, ProgressEvent
from lms.services.events import record_event


def spend_time(learner, lesson, seconds: int, *, step: int = 60) -> list:
    """Send ``seconds`` of time on ``lesson`` in ``step``-second events, each one
    starting where the learner's previous accepted time ended (or at enrolling)."""
    last = (
        ProgressEvent.objects.filter(learner=learner, type=EventType.LESSON_TIME)
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    start = (
        last
        or Enrolment.objects.filter(learner=learner).latest("enrolled_at").enrolled_at
    )
    results = []
    while seconds > 0:
        chunk = min(step, seconds)
        start += timedelta(seconds=chunk)
        assert start <= timezone.now() + timedelta(minutes=5), "enrolled too recently"
        results.append(
            record_event(
                learner=learner,
                data={
                    "id": str(uuid.uuid4()),
                    "type": "lesson.time",
                    "lesson": lesson.pk,
                    "at": start.isoformat(),
                    "seconds": chunk,
                },
            )
        )
        seconds -= chunk
    return results


def mark_done(learner, lesson):
    return record_event(
        learner=learner,
        data={
            "id": str(uuid.uuid4()),
            "type": "lesson.completed",
            "lesson": lesson.pk,
            "at": timezone.now().isoformat(),
        },
    )


def read_lesson(learner, lesson):
    """Spend a text lesson's reading time on it (which completes it)."""
    from lms.services import progress as rules

    rule = rules.rule_for(lesson)
    return spend_time(learner, lesson, round(rule.needed_seconds))

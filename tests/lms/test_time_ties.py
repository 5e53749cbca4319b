"""Two time events ending at the same moment: their neighbour is settled by the
device's event id, the same whichever order they were stored in, alone or in a batch."""

import uuid
from datetime import timedelta

import pytest

from lms.models import EventType, LessonProgress, ProgressEvent
from lms.services.events import record_event, record_events
from lms.services.time_credit import TimeLine

# Ids the devices chose: LOW sorts before HIGH, as bytes and as text.
LOW = uuid.UUID("00000000-0000-4000-8000-000000000001")
HIGH = uuid.UUID("ffffffff-ffff-4fff-bfff-fffffffffffe")


def store(resident, lesson, *, at, event_id, seconds):
    """A time event accepted earlier, as it is stored."""
    ProgressEvent.objects.create(
        client_event_id=event_id,
        learner=resident,
        type=EventType.LESSON_TIME,
        lesson=lesson,
        at=at,
        payload={"seconds": seconds},
    )


def claim(lesson, *, at, seconds):
    return {
        "id": str(uuid.uuid4()),
        "type": "lesson.time",
        "lesson": lesson.pk,
        "at": at.isoformat(),
        "seconds": seconds,
    }


@pytest.fixture
def tie(resident, enrolled, lesson, request):
    """Five minutes ending at T (id LOW) and five seconds ending at T (id HIGH),
    stored in the order the test asks: the database's own order of the two rows
    (SQLite returns ties as inserted) is not what decides."""
    end = enrolled.enrolled_at + timedelta(hours=2)
    rows = {
        LOW: {"at": end, "event_id": LOW, "seconds": 300},
        HIGH: {"at": end, "event_id": HIGH, "seconds": 5},
    }
    for event_id in request.param:
        store(resident, lesson, **rows[event_id])
    return end


BOTH_ORDERS = pytest.mark.parametrize(
    "tie", [(LOW, HIGH), (HIGH, LOW)], indirect=True, ids=["low-first", "high-first"]
)


@BOTH_ORDERS
@pytest.mark.django_db
def test_an_event_sent_alone_meets_the_tied_event_with_the_lower_id(
    resident, lesson, tie
):
    """Eight seconds ending 2 s before T: its next neighbour is the 300 s event
    (lower id), whose span it overlaps, so it is refused, in both storing orders."""
    result = record_event(
        learner=resident, data=claim(lesson, at=tie - timedelta(seconds=2), seconds=8)
    )
    assert (result.status, result.detail.get("code")) == ("rejected", "overlaps_later")


@BOTH_ORDERS
@pytest.mark.django_db
def test_a_batch_meets_the_same_neighbour(resident, lesson, tie):
    """The batch's time line (read once, kept in memory) settles the tie as the
    database does: same verdict as the event sent alone."""
    events = [
        claim(lesson, at=tie - timedelta(seconds=2), seconds=8),
        claim(lesson, at=tie - timedelta(seconds=1), seconds=1),
    ]
    results = record_events(learner=resident, events=events)
    assert [(r.status, r.detail.get("code")) for r in results] == [
        ("rejected", "overlaps_later"),
        ("rejected", "overlaps_later"),
    ]
    assert not LessonProgress.objects.filter(seconds_spent__gt=0).exists()


def test_the_time_line_keeps_ties_in_id_order_whatever_order_they_are_added():
    """Events accepted within a batch take their place by (time, id), as the
    database returns them, not after the others of the same time."""
    end = ProgressEvent._meta.get_field("at").to_python("2026-11-02T08:00:00+07:00")
    for order in ((LOW, HIGH), (HIGH, LOW)):
        line = TimeLine(start=end - timedelta(minutes=10), end=end)
        line._loaded = True  # nothing stored: only what the batch adds
        seconds = {LOW: 300, HIGH: 5}
        for event_id in order:
            line.add(at=end, event_id=event_id, seconds=seconds[event_id])
        _previous, next_starts = line.neighbours(
            learner=None, at=end - timedelta(seconds=2), event_id=uuid.uuid4()
        )
        assert next_starts == end - timedelta(seconds=300)

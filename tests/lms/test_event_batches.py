"""A batch of events is one transaction, with per-event results and idempotency,
and costs a bounded number of queries per event."""

import uuid
from datetime import timedelta

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lms.models import DailyLearning, LessonProgress, ProgressEvent
from lms.services.events import record_events


def stretch(lesson, *, start, count: int, step: int = 10) -> list[dict]:
    """`count` time events of `step` seconds, one after another from `start`."""
    return [
        {
            "id": str(uuid.uuid4()),
            "type": "lesson.time",
            "lesson": lesson.pk,
            "at": (start + timedelta(seconds=step * (number + 1))).isoformat(),
            "seconds": step,
        }
        for number in range(count)
    ]


def statuses(results) -> list[str]:
    return [result.status for result in results]


@pytest.mark.django_db(transaction=True)
def test_a_batch_commits_once(resident, enrolled, lesson, monkeypatch):
    """Ten events and a bad one: one commit, where each event used to commit alone."""
    connection = connections["default"]
    commits = []
    real_commit = connection.commit

    def counting_commit():
        commits.append(1)
        return real_commit()

    monkeypatch.setattr(connection, "commit", counting_commit)
    events = stretch(lesson, start=enrolled.enrolled_at, count=10)
    events.insert(5, {**events[0], "id": str(uuid.uuid4()), "seconds": -1})
    results = record_events(learner=resident, events=events)
    assert statuses(results).count("accepted") == 10
    assert results[5].status == "rejected"
    assert len(commits) == 1
    assert LessonProgress.objects.get(lesson=lesson).seconds_spent == 100


@pytest.mark.django_db
def test_each_event_has_its_own_savepoint(resident, enrolled, lesson):
    """A rejected event rolls back its own row only, inside the one transaction."""
    events = stretch(lesson, start=enrolled.enrolled_at, count=3)
    events[1]["lesson"] = 987654321  # no such lesson: rejected before any write
    events.append({**events[2], "id": str(uuid.uuid4()), "seconds": 4 * 3600 + 1})
    with CaptureQueriesContext(connections["default"]) as queries:
        results = record_events(learner=resident, events=events)
    assert statuses(results) == ["accepted", "rejected", "accepted", "rejected"]
    assert results[1].reason == "Bài học này không tồn tại."
    savepoints = [q for q in queries if q["sql"].startswith("SAVEPOINT")]
    assert len(savepoints) >= 3  # the batch, then one per event that wrote
    assert ProgressEvent.objects.filter(learner=resident).count() == 2


@pytest.mark.django_db
def test_a_repeated_batch_counts_once(resident, enrolled, lesson):
    events = stretch(lesson, start=enrolled.enrolled_at, count=5)
    events.append(dict(events[0]))  # the same id twice in one batch
    first = record_events(learner=resident, events=events)
    assert statuses(first) == ["accepted"] * 5 + ["duplicate"]
    again = record_events(learner=resident, events=events)
    assert statuses(again) == ["duplicate"] * 6
    assert LessonProgress.objects.get(lesson=lesson).seconds_spent == 50
    assert DailyLearning.objects.get(learner=resident).online_seconds == 50
    assert ProgressEvent.objects.filter(learner=resident).count() == 5


@pytest.mark.django_db
def test_event_ids_are_per_learner_in_a_batch(
    resident, other_resident, enrolled, course, lesson
):
    from lms.services.enrolments import enrol

    events = stretch(lesson, start=enrolled.enrolled_at, count=2)
    record_events(learner=resident, events=events)
    enrol(learner=other_resident, course=course)
    # The other learner's copies are theirs (rejected here as before enrolling,
    # never reported as someone else's duplicates).
    assert "duplicate" not in statuses(
        record_events(learner=other_resident, events=events)
    )


@pytest.mark.django_db
def test_queries_per_event_are_bounded_and_lookups_are_shared(
    resident, enrolled, lessons
):
    """Lessons, courses, quizzes, enrolments and known ids are read once a batch."""
    connection = connections["default"]
    start = enrolled.enrolled_at
    small = stretch(lessons[0], start=start, count=5) + stretch(
        lessons[1], start=start + timedelta(minutes=1), count=5
    )
    with CaptureQueriesContext(connection) as queries_small:
        assert set(statuses(record_events(learner=resident, events=small))) == {
            "accepted"
        }
    large = stretch(lessons[0], start=start + timedelta(minutes=5), count=10) + stretch(
        lessons[1], start=start + timedelta(minutes=7), count=10
    )
    with CaptureQueriesContext(connection) as queries_large:
        assert set(statuses(record_events(learner=resident, events=large))) == {
            "accepted"
        }

    def lookups(queries) -> int:
        return sum(
            1
            for q in queries
            if q["sql"].startswith("SELECT")
            and (
                'FROM "cms_lessonpage"' in q["sql"]
                or 'FROM "wagtailcore_page"' in q["sql"]
            )
        )

    per_event = (len(queries_large) - len(queries_small)) / 10
    print(f"\n{len(queries_small)} queries for 10 events, {len(queries_large)} for 20")  # noqa: T201
    # At most 4: a savepoint and its release, the row and the progress update;
    # was 15, then 10 before the learner was locked per batch, 8 before the
    # neighbouring time events were read once per batch, 6 before each lesson's
    # progress row was locked once per batch.
    assert per_event <= 4
    assert lookups(queries_large) == lookups(queries_small)


@pytest.mark.django_db
def test_a_batch_locks_the_learner_and_reads_the_enrolment_and_day_once(
    resident, enrolled, lessons
):
    """The learner's row is locked once in the batch's transaction, not per event."""
    events = stretch(lessons[0], start=enrolled.enrolled_at, count=5) + stretch(
        lessons[1], start=enrolled.enrolled_at + timedelta(minutes=1), count=5
    )
    with CaptureQueriesContext(connections["default"]) as queries:
        results = record_events(learner=resident, events=events)
    assert set(statuses(results)) == {"accepted"}

    def selects(table: str) -> int:
        return sum(
            1
            for q in queries
            if q["sql"].startswith("SELECT") and f'FROM "{table}"' in q["sql"]
        )

    assert selects("lms_user") == 1
    assert selects("lms_enrolment") == 1
    assert selects("lms_dailylearning") == 1
    assert DailyLearning.objects.get(learner=resident).online_seconds == 100


@pytest.mark.django_db
def test_the_day_and_enrolment_limits_hold_across_and_within_batches(
    resident, enrolled, lessons, settings
):
    """The day's total read once a batch still counts the batch's own events and
    what earlier batches stored; time before the enrolment is still refused."""
    settings.LMS_DAILY_TIME_CAP_HOURS = 0.1  # 6 minutes a day
    enrolled.enrolled_at = timezone.now() - timedelta(days=5)
    enrolled.save(update_fields=["enrolled_at"])
    # 9 in the morning, local time: the day's cap must not depend on the clock.
    start = timezone.localtime(enrolled.enrolled_at + timedelta(days=1)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    first = record_events(
        learner=resident, events=stretch(lessons[0], start=start, count=3, step=60)
    )
    assert statuses(first) == ["accepted"] * 3
    second = stretch(
        lessons[1], start=start + timedelta(minutes=3), count=5, step=60
    ) + [
        {
            "id": str(uuid.uuid4()),
            "type": "lesson.time",
            "lesson": lessons[1].pk,
            "at": (enrolled.enrolled_at - timedelta(minutes=5)).isoformat(),
            "seconds": 60,
        }
    ]
    results = record_events(learner=resident, events=second)
    assert statuses(results) == ["accepted"] * 3 + ["rejected"] * 3
    assert [r.detail.get("code") for r in results[3:]] == [
        "daily_limit",
        "daily_limit",
        "before_enrolment",
    ]
    assert DailyLearning.objects.get(learner=resident).online_seconds == 360


def at_minutes(lesson, start, minutes: float, seconds: int) -> dict:
    """A time event ending `minutes` after `start`."""
    return {
        "id": str(uuid.uuid4()),
        "type": "lesson.time",
        "lesson": lesson.pk,
        "at": (start + timedelta(minutes=minutes)).isoformat(),
        "seconds": seconds,
    }


@pytest.mark.django_db
def test_overlaps_in_a_batch_are_judged_as_one_by_one(
    resident, other_resident, enrolled, course, lesson
):
    """The neighbouring time events, read once a batch, give each event the verdict
    it gets sent alone: against earlier batches and the batch's own accepted events."""
    from lms.services.enrolments import enrol
    from lms.services.events import record_event

    other = enrol(learner=other_resident, course=course).enrolment
    type(other).objects.filter(pk=other.pk).update(enrolled_at=enrolled.enrolled_at)
    start = enrolled.enrolled_at + timedelta(hours=1)
    earlier = stretch(lesson, start=start, count=3, step=60)  # up to start + 3 min
    batch = [
        at_minutes(lesson, start, 2.5, 60),  # starts inside an earlier batch's
        at_minutes(lesson, start, 10, 60),
        at_minutes(lesson, start, 9.5, 30),  # ends inside the one just accepted
        at_minutes(lesson, start, 8, 60),  # fits before it
        at_minutes(lesson, start, 0.5, 60),  # ends inside the earliest one
        at_minutes(lesson, start, 20, 60),
        at_minutes(lesson, start, 20.5, 30),  # right after the one before
    ]
    assert set(statuses(record_events(learner=resident, events=earlier))) == {
        "accepted"
    }
    in_one = record_events(learner=resident, events=batch)
    for data in earlier:
        record_event(learner=other_resident, data={**data, "id": str(uuid.uuid4())})
    one_by_one = [
        record_event(learner=other_resident, data={**data, "id": str(uuid.uuid4())})
        for data in batch
    ]

    def verdicts(results):
        return [(r.status, r.detail.get("code")) for r in results]

    assert verdicts(in_one) == [
        ("rejected", "too_long_for_span"),
        ("accepted", None),
        ("rejected", "overlaps_later"),
        ("accepted", None),
        ("rejected", "overlaps_later"),
        ("accepted", None),
        ("accepted", None),
    ]
    assert verdicts(in_one) == verdicts(one_by_one)


@pytest.mark.django_db
def test_neighbouring_time_events_are_read_once_a_batch(resident, enrolled, lesson):
    """Three reads of the learner's time events for the whole batch (the one
    before it, those within it, the one after), not two per event."""
    start = enrolled.enrolled_at + timedelta(hours=1)
    record_events(learner=resident, events=stretch(lesson, start=start, count=3))
    events = stretch(lesson, start=start + timedelta(minutes=5), count=20)
    with CaptureQueriesContext(connections["default"]) as queries:
        assert set(statuses(record_events(learner=resident, events=events))) == {
            "accepted"
        }
    reads = [
        q["sql"]
        for q in queries
        if q["sql"].startswith("SELECT") and 'FROM "lms_progressevent"' in q["sql"]
    ]
    # The known event ids, then the time line.
    assert len(reads) == 4


@pytest.mark.django_db
def test_a_days_learning_is_written_once_a_batch(resident, enrolled, lessons):
    """Twenty accepted time events of one day: one write of the day's row, with
    their sum, in the batch's transaction."""
    # 9 in the morning, local time: all on one day whatever the clock says.
    enrolled.enrolled_at = timezone.now() - timedelta(days=5)
    enrolled.save(update_fields=["enrolled_at"])
    start = timezone.localtime(enrolled.enrolled_at + timedelta(days=1)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    record_events(learner=resident, events=stretch(lessons[0], start=start, count=2))
    events = stretch(lessons[1], start=start + timedelta(minutes=5), count=20)
    with CaptureQueriesContext(connections["default"]) as queries:
        assert set(statuses(record_events(learner=resident, events=events))) == {
            "accepted"
        }
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].startswith(("UPDATE", "INSERT")) and "lms_dailylearning" in q["sql"]
    ]
    assert len(writes) == 1
    assert DailyLearning.objects.get(learner=resident).online_seconds == 220


@pytest.mark.django_db
def test_small_overlaps_cannot_add_up_to_time_that_never_passed(
    resident, enrolled, lesson
):
    """Thirty 10 s claims at one instant, and claims of 20 s every 10 s: each is
    within the clock tolerance, but only the time that passed is credited."""
    start = enrolled.enrolled_at + timedelta(minutes=5)
    same_instant = [
        {**event, "at": start.isoformat()}
        for event in stretch(lesson, start=start, count=30)
    ]
    record_events(learner=resident, events=same_instant)
    assert LessonProgress.objects.get(lesson=lesson).seconds_spent <= 10
    later = start + timedelta(minutes=5)
    chained = [
        {**event, "seconds": 20} for event in stretch(lesson, start=later, count=20)
    ]
    record_events(learner=resident, events=chained)
    spent = LessonProgress.objects.get(lesson=lesson).seconds_spent
    assert spent <= 10 + 200 + 10  # 200 s passed, one forgiven overlap at most
    assert DailyLearning.objects.get(learner=resident).online_seconds == spent

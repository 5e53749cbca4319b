"""An event batch locks each lesson's progress row once, in lesson order, and keeps
it in step with what its events write (runs on SQLite and PostgreSQL)."""

import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.models import CompletionReason, DailyLearning, LessonProgress
from lms.services.events import record_events

from .test_event_batches import statuses, stretch
from .test_quizzes import answers, make_quiz


def progress_reads(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if q["sql"].startswith("SELECT") and 'FROM "lms_lessonprogress"' in q["sql"]
    ]


def seconds(learner, lesson) -> int:
    return LessonProgress.objects.get(learner=learner, lesson=lesson).seconds_spent


@pytest.mark.django_db
def test_a_batch_reads_each_lessons_progress_once(resident, enrolled, lessons):
    """Twenty time events on two lessons: one read (and lock) of both rows, in
    lesson order, where each accepted event used to lock its row itself."""
    start = enrolled.enrolled_at
    record_events(
        learner=resident,
        events=stretch(lessons[0], start=start, count=1)
        + stretch(lessons[1], start=start + timedelta(minutes=1), count=1),
    )
    events = stretch(lessons[1], start=start + timedelta(minutes=5), count=10)
    events += stretch(lessons[0], start=start + timedelta(minutes=8), count=10)
    with CaptureQueriesContext(connection) as queries:
        assert set(statuses(record_events(learner=resident, events=events))) == {
            "accepted"
        }
    reads = progress_reads(queries)
    assert len(reads) == 1
    assert 'ORDER BY "lms_lessonprogress"."lesson_id" ASC' in reads[0]
    if connection.vendor == "postgresql":
        assert reads[0].endswith("FOR UPDATE")
    assert seconds(resident, lessons[0]) == 110
    assert seconds(resident, lessons[1]) == 110
    assert DailyLearning.objects.get(learner=resident).online_seconds == 220


@pytest.mark.django_db
def test_a_rolled_back_event_leaves_no_row_and_the_next_event_counts(
    resident, enrolled, lessons
):
    """An event refused after its lesson's row was made (time before enrolling)
    takes the row with it; the batch's next events on that lesson and on a lesson
    with a row still count, each once."""
    start = enrolled.enrolled_at
    record_events(learner=resident, events=stretch(lessons[0], start=start, count=1))
    before = enrolled.enrolled_at - timedelta(minutes=10)
    events = [
        *stretch(lessons[1], start=before, count=1),  # refused: before enrolling
        *stretch(lessons[0], start=before, count=1),  # refused on a kept row
        *stretch(lessons[1], start=start + timedelta(minutes=5), count=2),
        *stretch(lessons[0], start=start + timedelta(minutes=8), count=2),
        *stretch(lessons[2], start=before + timedelta(minutes=1), count=1),
    ]
    results = record_events(learner=resident, events=events)
    assert statuses(results) == ["rejected", "rejected"] + ["accepted"] * 4 + [
        "rejected"
    ]
    assert {r.detail.get("code") for r in results if r.status == "rejected"} == {
        "before_enrolment"
    }
    assert seconds(resident, lessons[0]) == 30
    assert seconds(resident, lessons[1]) == 20
    assert not LessonProgress.objects.filter(lesson=lessons[2]).exists()


@pytest.mark.django_db
def test_a_quiz_passed_in_a_batch_completes_its_lesson_once(
    resident, enrolled, lessons
):
    """The quiz completes the lesson through its own read of the row; the time
    events after it in the batch see that, and do not complete it again."""
    lesson = lessons[0]
    quiz, questions = make_quiz(lesson=lesson)
    start = enrolled.enrolled_at
    record_events(learner=resident, events=stretch(lesson, start=start, count=1))
    events = [
        {
            "id": str(uuid.uuid4()),
            "type": "quiz.answered",
            "lesson": lesson.pk,
            "at": (start + timedelta(minutes=1)).isoformat(),
            "quiz": quiz.pk,
            "answers": answers(questions),
        },
        # More than the lesson's reading time (3 minutes at least).
        *stretch(lesson, start=start + timedelta(minutes=2), count=4, step=60),
    ]
    with CaptureQueriesContext(connection) as queries:
        results = record_events(learner=resident, events=events)
    assert results[0].as_dict()["passed"] is True
    assert set(statuses(results[1:])) == {"accepted"}
    completions = [
        q["sql"]
        for q in queries
        if q["sql"].startswith("UPDATE")
        and "lms_lessonprogress" in q["sql"]
        and "completed_at" in q["sql"]
    ]
    assert len(completions) == 1
    row = LessonProgress.objects.get(learner=resident, lesson=lesson)
    assert row.completion_reason == CompletionReason.QUIZ_PASSED
    assert row.seconds_spent == 10 + 4 * 60


@pytest.mark.django_db
def test_media_and_time_in_one_batch_write_one_row_in_step(
    resident, enrolled, video_lesson
):
    """A watched interval saves the whole row: the seconds the batch's time events
    added before it are kept, and those after it are added to it."""
    start = enrolled.enrolled_at
    record_events(learner=resident, events=stretch(video_lesson, start=start, count=1))

    def watched(start_at, end_at, minute):
        # Dated a minute apart: watched time needs real time to play.
        return {
            "id": str(uuid.uuid4()),
            "type": "media.watched",
            "lesson": video_lesson.pk,
            "at": (start + timedelta(minutes=minute)).isoformat(),
            "media": video_lesson.video.pk,
            "from": start_at,
            "to": end_at,
        }

    events = [
        *stretch(video_lesson, start=start + timedelta(minutes=1), count=3),
        watched(0, 40, 3),
        *stretch(video_lesson, start=start + timedelta(minutes=5), count=2),
        watched(30, 60, 4),
    ]
    assert set(statuses(record_events(learner=resident, events=events))) == {"accepted"}
    row = LessonProgress.objects.get(learner=resident, lesson=video_lesson)
    assert row.seconds_spent == 10 + 50
    assert row.watched_intervals == [[0.0, 60.0]]
    assert row.watched_seconds == 60


@pytest.mark.django_db
def test_an_event_of_no_known_type_is_refused_alone(resident, enrolled, lesson):
    """Any JSON may come as an event's type (a list, an object): it is refused
    and the batch's other events still count."""
    events = stretch(lesson, start=enrolled.enrolled_at, count=2)
    events.insert(1, {**events[0], "id": str(uuid.uuid4()), "type": ["lesson.time"]})
    events.append({**events[0], "id": str(uuid.uuid4()), "type": {"a": 1}})
    results = record_events(learner=resident, events=events)
    assert statuses(results) == ["accepted", "rejected", "accepted", "rejected"]
    assert seconds(resident, lesson) == 20

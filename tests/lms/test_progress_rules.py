"""Progress rules as pure functions: interval union, lesson and course completion."""

import pytest

from lms.models import CompletionReason
from lms.services.progress import (
    course_status,
    covered_seconds,
    lesson_completion,
    media_timeline,
    merge_intervals,
)


@pytest.mark.parametrize(
    ("intervals", "merged"),
    [
        ([], []),
        ([[0, 10]], [[0.0, 10.0]]),
        ([[0, 10], [5, 20]], [[0.0, 20.0]]),
        ([[20, 30], [0, 10]], [[0.0, 10.0], [20.0, 30.0]]),
        ([[0, 10], [10, 20]], [[0.0, 20.0]]),
        ([[0, 100], [10, 20], [30, 40]], [[0.0, 100.0]]),
        ([[5, 5], [7, 3]], []),
    ],
)
def test_merge_intervals(intervals, merged):
    assert merge_intervals(intervals) == merged


def test_rewatching_does_not_inflate_seconds():
    """Watching 0–60 three times and seeking back counts 60 seconds."""
    watched = merge_intervals([[0, 60], [0, 60], [30, 60], [0, 60]])
    assert covered_seconds(watched) == 60


def test_lesson_completion_reasons():
    assert lesson_completion() == ""
    assert lesson_completion(marked_done=True) == CompletionReason.MARKED_DONE
    assert lesson_completion(watched_seconds=89, media_seconds=100) == ""
    assert (
        lesson_completion(watched_seconds=90, media_seconds=100)
        == CompletionReason.MEDIA_WATCHED
    )
    assert lesson_completion(watched_seconds=5, media_seconds=0) == ""
    assert lesson_completion(quiz_passed=True) == CompletionReason.QUIZ_PASSED


def test_course_status_without_final_quiz():
    required = {1, 2, 3, 4}
    half = course_status(
        required_lessons=required,
        completed_lessons={1, 2, 9},
        has_final_quiz=False,
        final_quiz_passed=False,
    )
    assert (half.percent, half.complete) == (50, False)
    done = course_status(
        required_lessons=required,
        completed_lessons=required,
        has_final_quiz=False,
        final_quiz_passed=False,
    )
    assert (done.percent, done.complete) == (100, True)


def test_course_status_with_final_quiz():
    """All lessons done is not enough while the final quiz is not passed."""
    waiting = course_status(
        required_lessons={1, 2},
        completed_lessons={1, 2},
        has_final_quiz=True,
        final_quiz_passed=False,
    )
    assert (waiting.percent, waiting.complete) == (99, False)
    passed = course_status(
        required_lessons={1, 2},
        completed_lessons={1, 2},
        has_final_quiz=True,
        final_quiz_passed=True,
    )
    assert passed.complete


def test_media_timeline_puts_media_one_after_another(video_lesson):
    spans = media_timeline(video_lesson)
    assert [(s.media_id, s.offset, s.duration) for s in spans] == [
        (video_lesson.video.pk, 0.0, 100.0),
        (video_lesson.audio.pk, 100.0, 50.0),
    ]

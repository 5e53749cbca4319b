"""Progress rules as pure functions: interval union, lesson and course completion."""

import pytest
from django.utils import translation

from lms.models import CompletionReason
from lms.services.lesson_length import LessonLength, reading_seconds
from lms.services.progress import (
    LessonRule,
    RuleKind,
    course_status,
    covered_seconds,
    lesson_completion,
    lesson_rule,
    media_timeline,
    merge_intervals,
    missing_text,
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


def test_lesson_rule_prefers_quiz_then_media_then_reading():
    with_media = LessonLength(media_seconds=100, reading_seconds=180)
    text_only = LessonLength(media_seconds=0, reading_seconds=300)
    assert lesson_rule(has_quiz=True, length=with_media).kind == RuleKind.QUIZ
    assert lesson_rule(has_quiz=False, length=with_media) == LessonRule(
        RuleKind.MEDIA, 100
    )
    assert lesson_rule(has_quiz=False, length=text_only) == LessonRule(
        RuleKind.READING, 300
    )


def test_lesson_completion_follows_the_rule():
    """Marking done is not a reason any more: only the lesson's own rule is."""
    media, reading = LessonRule(RuleKind.MEDIA, 100), LessonRule(RuleKind.READING, 300)
    quiz = LessonRule(RuleKind.QUIZ)
    assert lesson_completion(media, watched_seconds=89) == ""
    assert (
        lesson_completion(media, watched_seconds=90) == CompletionReason.MEDIA_WATCHED
    )
    assert lesson_completion(media, seconds_spent=10_000) == ""
    assert lesson_completion(reading, seconds_spent=299) == ""
    assert (
        lesson_completion(reading, seconds_spent=300) == CompletionReason.READING_TIME
    )
    assert lesson_completion(quiz, seconds_spent=10_000, watched_seconds=100) == ""
    assert lesson_completion(quiz, quiz_passed=True) == CompletionReason.QUIZ_PASSED


def test_missing_text_says_what_is_left():
    with translation.override("vi"):
        reading = LessonRule(RuleKind.READING, 300)
        assert missing_text(reading, remaining=150) == "Còn 3 phút nữa."
        assert "Xem hết video" in missing_text(
            LessonRule(RuleKind.MEDIA, 100), remaining=30
        )
        assert "Làm bài kiểm tra" in missing_text(
            LessonRule(RuleKind.QUIZ), remaining=0
        )


def test_reading_seconds_slow_pace_with_floor(settings):
    settings.LMS_READING_WORDS_PER_MINUTE = 120
    settings.LMS_READING_FLOOR_MINUTES = 3
    settings.LMS_DOCUMENT_READING_MINUTES = 10
    assert reading_seconds(words=20) == 180  # the floor
    assert reading_seconds(words=1200) == 600
    assert reading_seconds(words=0, documents=1) == 600


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

"""Progress rules: watched intervals, when a lesson completes, when a course does.

The rules are pure functions over plain values; the functions at the end fetch the
records, apply the rules and save, and are called by the event service.
"""

import math
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.models import CoursePage, LessonPage
from lms.models import CompletionReason, Enrolment, LessonProgress, QuizAttempt, User
from lms.models.assessment import Quiz
from lms.services.certificates import issue_certificate
from lms.services.lesson_length import LessonLength, lesson_length

# Watching at least this share of a lesson's media completes the lesson.
MEDIA_COMPLETION_SHARE = 0.9

Interval = list[float]


def merge_intervals(intervals: list[Interval]) -> list[Interval]:
    """The union of [from, to] intervals, sorted, touching ones joined."""
    merged: list[Interval] = []
    for start, end in sorted(
        (float(a), float(b)) for a, b in intervals if float(b) > float(a)
    ):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def covered_seconds(intervals: list[Interval]) -> float:
    """Seconds covered by already merged intervals."""
    return sum(end - start for start, end in intervals)


@dataclass(frozen=True)
class MediaSpan:
    """Where one media item sits on a lesson's media timeline."""

    media_id: int
    offset: float
    duration: float


def media_timeline(lesson: LessonPage) -> list[MediaSpan]:
    """The lesson's video and audio, one after another in body order."""
    spans, offset, seen = [], 0.0, set()
    for block in lesson.body:
        if block.block_type not in ("video", "audio"):
            continue
        media = block.value.get(block.block_type)
        if media is None or media.pk in seen:
            continue
        seen.add(media.pk)
        duration = float(media.duration or 0)
        spans.append(MediaSpan(media_id=media.pk, offset=offset, duration=duration))
        offset += duration
    return spans


class RuleKind:
    QUIZ = "quiz"
    MEDIA = "media"
    READING = "reading"


@dataclass(frozen=True)
class LessonRule:
    """What completes a lesson: its quiz passed, its media played, or time to read it.

    A lesson with a quiz needs the quiz; otherwise one with media needs the media;
    a text-only lesson needs its reading time measured on the page.
    """

    kind: str
    seconds: float = 0

    @property
    def needed_seconds(self) -> float:
        if self.kind == RuleKind.MEDIA:
            return MEDIA_COMPLETION_SHARE * self.seconds
        return self.seconds


def lesson_rule(*, has_quiz: bool, length: LessonLength) -> LessonRule:
    if has_quiz:
        return LessonRule(kind=RuleKind.QUIZ)
    if length.media_seconds > 0:
        return LessonRule(kind=RuleKind.MEDIA, seconds=length.media_seconds)
    return LessonRule(kind=RuleKind.READING, seconds=length.reading_seconds)


def remaining_seconds(
    rule: LessonRule, *, seconds_spent: float = 0, watched_seconds: float = 0
) -> float:
    """Seconds of media or reading still missing (0 for a quiz: it is pass or fail)."""
    done = watched_seconds if rule.kind == RuleKind.MEDIA else seconds_spent
    if rule.kind == RuleKind.QUIZ:
        return 0
    return max(0.0, rule.needed_seconds - done)


def lesson_completion(
    rule: LessonRule,
    *,
    seconds_spent: float = 0,
    watched_seconds: float = 0,
    quiz_passed: bool = False,
) -> str:
    """The reason a lesson is complete under its rule, or "" when it is not (yet)."""
    if rule.kind == RuleKind.QUIZ:
        return CompletionReason.QUIZ_PASSED if quiz_passed else ""
    if remaining_seconds(
        rule, seconds_spent=seconds_spent, watched_seconds=watched_seconds
    ):
        return ""
    if rule.kind == RuleKind.MEDIA:
        return CompletionReason.MEDIA_WATCHED
    return CompletionReason.READING_TIME


def missing_text(rule: LessonRule, *, remaining: float) -> str:
    """What the learner still has to do, in their language."""
    if rule.kind == RuleKind.QUIZ:
        return _("Take the lesson quiz and pass it.")
    minutes = max(1, math.ceil(remaining / 60))
    if rule.kind == RuleKind.MEDIA:
        return _("Watch the whole video or audio (%(minutes)s more minutes).") % {
            "minutes": minutes
        }
    return _("%(minutes)s more minutes of reading.") % {"minutes": minutes}


def rule_for(
    lesson: LessonPage, *, timeline: list[MediaSpan] | None = None
) -> LessonRule:
    """The completion rule of a lesson, from its media, its text and its quiz."""
    if timeline is None:
        timeline = media_timeline(lesson)
    length = lesson_length(lesson, media_seconds=sum(s.duration for s in timeline))
    return lesson_rule(
        has_quiz=Quiz.objects.filter(lesson=lesson).exists(), length=length
    )


@dataclass(frozen=True)
class CourseStatus:
    percent: int
    complete: bool


def course_status(
    *,
    required_lessons: set[int],
    completed_lessons: set[int],
    has_final_quiz: bool,
    final_quiz_passed: bool,
) -> CourseStatus:
    """Percent of required lessons done; complete when all are and the quiz passed."""
    if not required_lessons:
        return CourseStatus(percent=0, complete=False)
    done = len(required_lessons & completed_lessons)
    percent = round(100 * done / len(required_lessons))
    complete = done == len(required_lessons) and (
        final_quiz_passed or not has_final_quiz
    )
    if percent == 100 and not complete:
        # Lessons all done but the final quiz still open: not yet 100 %.
        percent = 99
    return CourseStatus(percent=percent, complete=complete)


def course_lessons(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.child_of(course).live().specific())


def required_lesson_ids(course: CoursePage) -> set[int]:
    """Ids of the live required lessons; all lessons when none is marked required."""
    lessons = LessonPage.objects.child_of(course).live()
    required = set(lessons.filter(is_required=True).values_list("pk", flat=True))
    return required or set(lessons.values_list("pk", flat=True))


def complete_lesson(*, progress: LessonProgress, reason: str) -> bool:
    """Mark the lesson complete once; True if this call completed it."""
    if progress.completed_at or not reason:
        return False
    progress.completed_at = timezone.now()
    progress.completion_reason = reason
    return True


@transaction.atomic
def refresh_enrolment(*, enrolment: Enrolment) -> Enrolment:
    """Recompute percent; complete the course once, with its date, and certify it."""
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    course = enrolment.course
    required = required_lesson_ids(course)
    completed = set(
        LessonProgress.objects.filter(
            learner_id=enrolment.learner_id,
            lesson_id__in=required,
            completed_at__isnull=False,
        ).values_list("lesson_id", flat=True)
    )
    final_quiz = Quiz.objects.filter(course=course).first()
    final_passed = bool(
        final_quiz
        and QuizAttempt.objects.filter(
            quiz=final_quiz, learner_id=enrolment.learner_id, passed=True
        ).exists()
    )
    status = course_status(
        required_lessons=required,
        completed_lessons=completed,
        has_final_quiz=final_quiz is not None,
        final_quiz_passed=final_passed,
    )
    fields = []
    if enrolment.completed_at is None and enrolment.percent != status.percent:
        enrolment.percent = status.percent
        fields.append("percent")
    if status.complete and enrolment.completed_at is None:
        enrolment.completed_at = timezone.now()
        enrolment.percent = 100
        fields += ["completed_at", "percent"]
    if fields:
        enrolment.save(update_fields=sorted(set(fields)))
    if enrolment.completed_at is not None:
        issue_certificate(enrolment=enrolment)
    return enrolment


def lock_progress(*, learner: User, lesson: LessonPage) -> LessonProgress:
    """The learner's progress row for the lesson, created if new, locked for update."""
    locked = LessonProgress.objects.select_for_update()
    progress = locked.filter(learner=learner, lesson=lesson).first()
    if progress is None:
        progress, _created = LessonProgress.objects.get_or_create(
            learner=learner, lesson=lesson
        )
        progress = locked.get(pk=progress.pk)
    return progress


def refresh_course_of(*, learner: User, course_id: int) -> Enrolment | None:
    """Refresh the learner's active enrolment in the course, if there is one."""
    enrolment = Enrolment.objects.filter(
        learner=learner, course_id=course_id, unenrolled_at__isnull=True
    ).first()
    return refresh_enrolment(enrolment=enrolment) if enrolment else None


@transaction.atomic
def complete_lesson_for(
    *, learner: User, lesson: LessonPage, course_id: int, reason: str
) -> bool:
    """Complete the lesson for the learner (once) and update the course."""
    progress = lock_progress(learner=learner, lesson=lesson)
    if not complete_lesson(progress=progress, reason=reason):
        return False
    progress.save(update_fields=["completed_at", "completion_reason", "updated_at"])
    refresh_course_of(learner=learner, course_id=course_id)
    return True


@dataclass(frozen=True)
class RuleCheck:
    rule: LessonRule
    complete: bool
    remaining: float

    @property
    def missing(self) -> str:
        return (
            "" if self.complete else missing_text(self.rule, remaining=self.remaining)
        )


def check_rule(
    *, progress: LessonProgress | None, rule: LessonRule, quiz_passed: bool = False
) -> RuleCheck:
    """Whether the learner's progress meets the lesson's rule, and what is missing."""
    spent = progress.seconds_spent if progress else 0
    watched = progress.watched_seconds if progress else 0
    done = bool(progress and progress.completed_at) or bool(
        lesson_completion(
            rule, seconds_spent=spent, watched_seconds=watched, quiz_passed=quiz_passed
        )
    )
    return RuleCheck(
        rule=rule,
        complete=done,
        remaining=0
        if done
        else remaining_seconds(rule, seconds_spent=spent, watched_seconds=watched),
    )


@transaction.atomic
def complete_if_met(
    *,
    learner: User,
    lesson: LessonPage,
    course_id: int,
    rule: LessonRule | None = None,
    progress: LessonProgress | None = None,
) -> RuleCheck:
    """Complete the lesson when its rule is met; "mark as done" alone never does."""
    rule = rule or rule_for(lesson)
    progress = progress or lock_progress(learner=learner, lesson=lesson)
    if progress.completed_at is not None:
        return RuleCheck(rule=rule, complete=True, remaining=0)
    quiz_passed = (
        rule.kind == RuleKind.QUIZ
        and QuizAttempt.objects.filter(
            quiz__lesson=lesson, learner=learner, passed=True
        ).exists()
    )
    reason = lesson_completion(
        rule,
        seconds_spent=progress.seconds_spent,
        watched_seconds=progress.watched_seconds,
        quiz_passed=quiz_passed,
    )
    if complete_lesson(progress=progress, reason=reason):
        progress.save(update_fields=["completed_at", "completion_reason", "updated_at"])
        refresh_course_of(learner=learner, course_id=course_id)
    return check_rule(progress=progress, rule=rule, quiz_passed=quiz_passed)


@transaction.atomic
def add_watched(
    *,
    learner: User,
    lesson: LessonPage,
    course_id: int,
    timeline: list[MediaSpan],
    interval: Interval,
    progress: LessonProgress | None = None,
) -> LessonProgress:
    """Add a timeline interval; a media lesson completes at 90 % of its media.

    ``progress``: the row already locked (by an event batch), else locked here.
    """
    progress = progress or lock_progress(learner=learner, lesson=lesson)
    progress.watched_intervals = merge_intervals(
        [*progress.watched_intervals, interval]
    )
    progress.watched_seconds = round(covered_seconds(progress.watched_intervals), 3)
    progress.media_seconds = sum(span.duration for span in timeline)
    reason = (
        ""
        if progress.completed_at
        else lesson_completion(
            rule_for(lesson, timeline=timeline),
            watched_seconds=progress.watched_seconds,
        )
    )
    newly_complete = complete_lesson(progress=progress, reason=reason)
    progress.save()
    if newly_complete:
        refresh_course_of(learner=learner, course_id=course_id)
    return progress

"""Progress rules: watched intervals, when a lesson completes, when a course does.

The rules are pure functions over plain values; the functions at the end fetch the
records, apply the rules and save, and are called by the event service.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from cms.models import CoursePage, LessonPage
from lms.models import CompletionReason, Enrolment, LessonProgress, QuizAttempt, User
from lms.models.assessment import Quiz
from lms.services.certificates import issue_certificate

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


def lesson_completion(
    *,
    marked_done: bool = False,
    watched_seconds: float = 0,
    media_seconds: float = 0,
    quiz_passed: bool = False,
) -> str:
    """The reason a lesson is complete, or "" when it is not (yet)."""
    if quiz_passed:
        return CompletionReason.QUIZ_PASSED
    if media_seconds > 0 and watched_seconds >= MEDIA_COMPLETION_SHARE * media_seconds:
        return CompletionReason.MEDIA_WATCHED
    if marked_done:
        return CompletionReason.MARKED_DONE
    return ""


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


@transaction.atomic
def add_watched(
    *,
    learner: User,
    lesson: LessonPage,
    course_id: int,
    timeline: list[MediaSpan],
    interval: Interval,
) -> LessonProgress:
    """Add a timeline interval; the lesson completes at 90 % of its media."""
    progress = lock_progress(learner=learner, lesson=lesson)
    progress.watched_intervals = merge_intervals(
        [*progress.watched_intervals, interval]
    )
    progress.watched_seconds = round(covered_seconds(progress.watched_intervals), 3)
    progress.media_seconds = sum(span.duration for span in timeline)
    reason = lesson_completion(
        watched_seconds=progress.watched_seconds,
        media_seconds=progress.media_seconds,
    )
    newly_complete = complete_lesson(progress=progress, reason=reason)
    progress.save()
    if newly_complete:
        refresh_course_of(learner=learner, course_id=course_id)
    return progress

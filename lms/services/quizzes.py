"""Grading quiz submissions, the attempts a learner has, what a passed quiz completes.

A learner has ``Quiz.max_attempts`` attempts, ``Quiz.retry_wait_minutes`` apart; the
right answers are shown only after a passing attempt or the last one allowed, so
guessing and resubmitting at once cannot reveal them.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext

from cms.models import LessonPage
from lms.models import QuestionKind, Quiz, QuizAttempt, QuizQuestion, User
from lms.services.progress import (
    CompletionReason,
    complete_lesson_for,
    refresh_course_of,
)


@dataclass(frozen=True)
class QuestionResult:
    question_id: int
    correct: bool
    chosen: tuple[int, ...]
    right: tuple[int, ...]
    explanation: str


@dataclass(frozen=True)
class Grade:
    score: int
    passed: bool
    results: tuple[QuestionResult, ...]


def choice_texts(question: QuizQuestion) -> list[str]:
    """The answers offered, in order; true/false questions offer two."""
    if question.kind == QuestionKind.TRUE_FALSE:
        return [gettext("True"), gettext("False")]
    return [block.value["text"] for block in question.choices]


def right_choices(question: QuizQuestion) -> tuple[int, ...]:
    if question.kind == QuestionKind.TRUE_FALSE:
        return (0,) if question.true_false_answer else (1,)
    return tuple(
        index for index, block in enumerate(question.choices) if block.value["correct"]
    )


def _chosen(raw) -> tuple[int, ...]:
    values = raw if isinstance(raw, list | tuple) else [raw]
    chosen = set()
    for value in values:
        try:
            chosen.add(int(value))
        except (TypeError, ValueError):
            continue
    return tuple(sorted(chosen))


def grade(*, questions: list[QuizQuestion], answers: dict, pass_mark: int) -> Grade:
    """Each question is right when exactly its right answers were chosen."""
    results = []
    for question in questions:
        chosen = _chosen(answers.get(str(question.pk), answers.get(question.pk, [])))
        right = right_choices(question)
        results.append(
            QuestionResult(
                question_id=question.pk,
                correct=chosen == right,
                chosen=chosen,
                right=right,
                explanation=question.explanation,
            )
        )
    total = len(results)
    score = round(100 * sum(r.correct for r in results) / total) if total else 0
    return Grade(
        score=score, passed=total > 0 and score >= pass_mark, results=tuple(results)
    )


class QuizRefused(Exception):
    """A submission not taken: nothing recorded, no attempt used."""

    def __init__(self, reason: str, code: str):
        super().__init__(reason)
        self.reason = reason
        self.code = code


@dataclass(frozen=True)
class QuizState:
    """Where a learner stands with a quiz: attempts, waiting, answers shown or not."""

    attempts_used: int
    attempts_left: int | None  # None: no limit
    passed: bool
    next_attempt_at: datetime | None  # when waiting between attempts

    @property
    def reveal_answers(self) -> bool:
        """Right answers only after a pass or the last attempt allowed."""
        return self.passed or self.attempts_left == 0

    @property
    def can_attempt(self) -> bool:
        return not self.reveal_answers and self.next_attempt_at is None


def quiz_state(*, quiz: Quiz, attempts: list[QuizAttempt], now: datetime) -> QuizState:
    """The learner's state from their attempts (any order)."""
    used = len(attempts)
    left = max(0, quiz.max_attempts - used) if quiz.max_attempts else None
    last = max((a.submitted_at for a in attempts), default=None)
    wait_until = last + timedelta(minutes=quiz.retry_wait_minutes) if last else None
    return QuizState(
        attempts_used=used,
        attempts_left=left,
        passed=any(a.passed for a in attempts),
        next_attempt_at=wait_until if wait_until and wait_until > now else None,
    )


def learner_quiz_state(*, learner: User, quiz: Quiz) -> QuizState:
    return quiz_state(
        quiz=quiz,
        attempts=list(QuizAttempt.objects.filter(quiz=quiz, learner=learner)),
        now=timezone.now(),
    )


def last_grade(
    *, learner: User, quiz: Quiz, questions: list[QuizQuestion]
) -> Grade | None:
    """The grade of the learner's latest attempt, to show it again."""
    attempt = QuizAttempt.objects.filter(quiz=quiz, learner=learner).first()
    if attempt is None:
        return None
    return grade(questions=questions, answers=attempt.answers, pass_mark=quiz.pass_mark)


def _refusal(state: QuizState, *, unanswered: int) -> QuizRefused | None:
    if state.passed:
        return QuizRefused(
            gettext("You have already passed this quiz."), code="quiz_passed"
        )
    if state.attempts_left == 0:
        return QuizRefused(
            gettext("You have used all the attempts allowed for this quiz."),
            code="quiz_no_attempts_left",
        )
    if state.next_attempt_at is not None:
        return QuizRefused(
            gettext("You can try again at %(time)s.")
            % {
                "time": formats.time_format(
                    timezone.localtime(state.next_attempt_at), "H:i"
                )
            },
            code="quiz_wait",
        )
    if unanswered:
        return QuizRefused(
            gettext(
                "Please answer every question before submitting "
                "(%(count)s not answered yet). No attempt was used."
            )
            % {"count": unanswered},
            code="quiz_blank",
        )
    return None


@transaction.atomic
def submit_quiz(
    *, learner: User, quiz: Quiz, answers: dict
) -> tuple[QuizAttempt, Grade]:
    """Record a graded attempt if one is allowed; passing completes lesson or course.

    Raises QuizRefused (nothing recorded) after a pass, with no attempt left, while
    the wait between attempts runs, or when a question has no answer.
    """
    # One learner's submissions one at a time, so two cannot use the same attempt.
    list(User.objects.select_for_update().filter(pk=learner.pk).values_list("pk"))
    questions = list(quiz.questions.all())
    result = grade(questions=questions, answers=answers, pass_mark=quiz.pass_mark)
    refusal = _refusal(
        learner_quiz_state(learner=learner, quiz=quiz),
        unanswered=sum(1 for r in result.results if not r.chosen),
    )
    if refusal:
        raise refusal
    attempt = QuizAttempt.objects.create(
        quiz=quiz,
        learner=learner,
        answers={str(r.question_id): list(r.chosen) for r in result.results},
        score=result.score,
        passed=result.passed,
        submitted_at=timezone.now(),
    )
    if result.passed and quiz.lesson_id:
        lesson = LessonPage.objects.get(pk=quiz.lesson_id)
        complete_lesson_for(
            learner=learner,
            lesson=lesson,
            course_id=lesson.get_parent().pk,
            reason=CompletionReason.QUIZ_PASSED,
        )
    if result.passed and quiz.course_id:
        refresh_course_of(learner=learner, course_id=quiz.course_id)
    return attempt, result

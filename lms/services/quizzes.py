"""Grading quiz submissions and what a passed quiz completes."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
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


@transaction.atomic
def submit_quiz(
    *, learner: User, quiz: Quiz, answers: dict, at: datetime | None = None
) -> tuple[QuizAttempt, Grade]:
    """Record a graded attempt; passing completes the lesson or the course."""
    questions = list(quiz.questions.all())
    result = grade(questions=questions, answers=answers, pass_mark=quiz.pass_mark)
    attempt = QuizAttempt.objects.create(
        quiz=quiz,
        learner=learner,
        answers={str(r.question_id): list(r.chosen) for r in result.results},
        score=result.score,
        passed=result.passed,
        submitted_at=at or timezone.now(),
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

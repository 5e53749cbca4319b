"""Quizzes: grading, lesson and final quizzes, right answers shown after submitting."""

import uuid

import pytest
from django.test import Client
from django.utils import timezone

from lms.models import LessonProgress, QuestionKind, Quiz, QuizAttempt, QuizQuestion
from lms.services.events import record_event
from lms.services.quizzes import grade, submit_quiz


def make_quiz(*, lesson=None, course=None, pass_mark=60):
    quiz = Quiz.objects.create(
        title="Kiểm tra", lesson=lesson, course=course, pass_mark=pass_mark
    )
    single = QuizQuestion.objects.create(
        quiz=quiz,
        sort_order=0,
        kind=QuestionKind.SINGLE,
        text="Nên bón phân khi nào?",
        choices=[
            ("choice", {"text": "Buổi trưa nắng", "correct": False}),
            ("choice", {"text": "Sáng sớm hoặc chiều mát", "correct": True}),
        ],
        explanation="Tránh nắng gắt để phân không bay hơi.",
    )
    multiple = QuizQuestion.objects.create(
        quiz=quiz,
        sort_order=1,
        kind=QuestionKind.MULTIPLE,
        text="Giống lúa tốt cần gì?",
        choices=[
            ("choice", {"text": "Hạt chắc", "correct": True}),
            ("choice", {"text": "Không sâu bệnh", "correct": True}),
            ("choice", {"text": "Màu đẹp", "correct": False}),
        ],
    )
    true_false = QuizQuestion.objects.create(
        quiz=quiz,
        sort_order=2,
        kind=QuestionKind.TRUE_FALSE,
        text="Lúa cần nước suốt mùa.",
        true_false_answer=False,
    )
    return quiz, (single, multiple, true_false)


ALL_RIGHT = {"single": [1], "multiple": [0, 1], "true_false": [1]}


def answers(questions, **chosen):
    keys = ["single", "multiple", "true_false"]
    picked = {**ALL_RIGHT, **chosen}
    return {str(q.pk): picked[k] for q, k in zip(questions, keys, strict=True)}


@pytest.mark.django_db
def test_grading_each_kind():
    quiz, questions = make_quiz()
    perfect = grade(questions=list(questions), answers=answers(questions), pass_mark=60)
    assert (perfect.score, perfect.passed) == (100, True)
    partly = grade(
        questions=list(questions),
        answers=answers(questions, multiple=[0], true_false=[0]),
        pass_mark=60,
    )
    assert (partly.score, partly.passed) == (33, False)
    assert [r.correct for r in partly.results] == [True, False, False]
    assert partly.results[1].right == (0, 1)
    assert partly.results[2].right == (1,)


@pytest.mark.django_db
def test_lesson_quiz_passed_completes_lesson(resident, enrolled, lesson):
    quiz, questions = make_quiz(lesson=lesson)
    attempt, result = submit_quiz(
        learner=resident, quiz=quiz, answers=answers(questions, single=[0])
    )
    assert result.score == 67 and attempt.passed
    progress = LessonProgress.objects.get(learner=resident, lesson=lesson)
    assert progress.completion_reason == "quiz_passed"


@pytest.mark.django_db
def test_quiz_event_through_api_service(resident, enrolled, lesson):
    quiz, questions = make_quiz(lesson=lesson)
    result = record_event(
        learner=resident,
        data={
            "id": str(uuid.uuid4()),
            "type": "quiz.answered",
            "lesson": lesson.pk,
            "at": timezone.now().isoformat(),
            "quiz": quiz.pk,
            "answers": answers(questions, single=[0], multiple=[2]),
        },
    )
    assert result.status == "accepted"
    assert result.as_dict()["passed"] is False
    assert QuizAttempt.objects.get().score == 33


@pytest.mark.django_db
def test_final_quiz_gates_course_completion(resident, enrolled, lessons, course):
    """All lessons done waits for the final quiz; passing it completes the course."""
    quiz, questions = make_quiz(course=course)
    for lesson in lessons[:2]:
        record_event(
            learner=resident,
            data={
                "id": str(uuid.uuid4()),
                "type": "lesson.completed",
                "lesson": lesson.pk,
                "at": timezone.now().isoformat(),
            },
        )
    enrolled.refresh_from_db()
    assert enrolled.completed_at is None
    assert enrolled.percent == 99
    submit_quiz(
        learner=resident,
        quiz=quiz,
        answers=answers(questions, single=[0], multiple=[2]),
    )
    enrolled.refresh_from_db()
    assert enrolled.completed_at is None
    submit_quiz(learner=resident, quiz=quiz, answers=answers(questions))
    enrolled.refresh_from_db()
    assert enrolled.completed_at is not None
    assert enrolled.percent == 100


@pytest.mark.django_db
def test_quiz_page_shows_right_answers_after_submit(resident, enrolled, lesson):
    quiz, questions = make_quiz(lesson=lesson)
    client = Client()
    client.force_login(resident)
    before = client.get(f"/hoc-tap/bai-kiem-tra/{quiz.pk}/").content.decode()
    assert "Sáng sớm hoặc chiều mát" in before
    assert "is-answer" not in before
    single, multiple, true_false = questions
    response = client.post(
        f"/hoc-tap/bai-kiem-tra/{quiz.pk}/",
        {
            f"question-{single.pk}": "0",
            f"question-{multiple.pk}": ["0", "1"],
            f"question-{true_false.pk}": "1",
        },
    )
    html = response.content.decode()
    assert 'data-grade="67"' in html
    assert html.count("is-answer") == 4  # 1 + 2 + 1 right answers marked
    assert "Tránh nắng gắt" in html  # the explanation


@pytest.mark.django_db
def test_quiz_needs_enrolment(other_resident, lesson):
    quiz, _questions = make_quiz(lesson=lesson)
    client = Client()
    client.force_login(other_resident)
    assert client.get(f"/hoc-tap/bai-kiem-tra/{quiz.pk}/").status_code == 403


@pytest.mark.django_db
def test_quiz_is_authored_in_wagtail(lesson):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser(
        username="bientap", password="x", email="bt@example.vn"
    )
    client = Client()
    client.force_login(admin)
    response = client.get("/admin/snippets/lms/quiz/add/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "questions-FORMS" in html or "id_questions-TOTAL_FORMS" in html

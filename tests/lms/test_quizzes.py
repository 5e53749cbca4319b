"""Quizzes: grading, lesson and final quizzes, right answers shown after submitting."""

import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from lms.models import LessonProgress, QuestionKind, Quiz, QuizAttempt, QuizQuestion
from lms.services.events import record_event
from lms.services.quizzes import QuizRefused, grade, submit_quiz
from tests.lms.learning import read_lesson


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
    Quiz.objects.filter(pk=quiz.pk).update(retry_wait_minutes=0)
    quiz.refresh_from_db()
    for lesson in lessons[:2]:
        read_lesson(resident, lesson)
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


WRONG = {"single": [0], "multiple": [2], "true_false": [0]}


def post_answers(client, quiz, questions, picked):
    keys = ["single", "multiple", "true_false"]
    data = {
        f"question-{q.pk}": [str(i) for i in picked[k]]
        for q, k in zip(questions, keys, strict=True)
        if picked.get(k) is not None
    }
    return client.post(f"/hoc-tap/bai-kiem-tra/{quiz.pk}/", data).content.decode()


def wait_out(quiz):
    """Move the attempts back past the wait between attempts."""
    for attempt in QuizAttempt.objects.filter(quiz=quiz):
        attempt.submitted_at -= timedelta(minutes=quiz.retry_wait_minutes + 1)
        attempt.save(update_fields=["submitted_at"])


@pytest.mark.django_db
def test_answers_hidden_until_final_attempt_with_wait_between(
    resident, enrolled, lesson
):
    """A failed attempt shows the score only; the next one must wait 10 minutes;
    the last allowed attempt (3) reveals the right answers; then no more."""
    quiz, questions = make_quiz(lesson=lesson)
    assert (quiz.max_attempts, quiz.retry_wait_minutes) == (3, 10)
    client = Client()
    client.force_login(resident)
    html = post_answers(client, quiz, questions, WRONG)
    assert 'data-grade="0"' in html
    assert "is-answer" not in html and "Tránh nắng gắt" not in html
    assert "Đã làm 1 trên 3 lần." in html
    assert "data-next-attempt" in html and "Bạn có thể làm lại lúc" in html
    assert "data-submit-quiz" not in html
    again = post_answers(client, quiz, questions, ALL_RIGHT)
    assert "Bạn có thể làm lại lúc" in again and "data-refused" in again
    assert QuizAttempt.objects.count() == 1
    wait_out(quiz)
    html = post_answers(client, quiz, questions, WRONG)
    assert "is-answer" not in html
    wait_out(quiz)
    html = post_answers(client, quiz, questions, WRONG)
    assert "is-answer" in html and "Tránh nắng gắt" in html  # the last attempt
    assert "Bạn đã dùng hết số lần làm bài kiểm tra này" in html
    wait_out(quiz)
    with pytest.raises(QuizRefused) as refused:
        submit_quiz(learner=resident, quiz=quiz, answers=answers(questions))
    assert refused.value.code == "quiz_no_attempts_left"
    assert QuizAttempt.objects.count() == 3
    # Seen again later, the page still shows the answers of the last attempt.
    assert (
        "is-answer" in client.get(f"/hoc-tap/bai-kiem-tra/{quiz.pk}/").content.decode()
    )


@pytest.mark.django_db
def test_passing_attempt_reveals_answers_and_closes_the_quiz(
    resident, enrolled, lesson
):
    quiz, questions = make_quiz(lesson=lesson)
    client = Client()
    client.force_login(resident)
    html = post_answers(client, quiz, questions, ALL_RIGHT)
    assert 'data-grade="100"' in html and html.count("is-answer") == 4
    wait_out(quiz)
    with pytest.raises(QuizRefused) as refused:
        submit_quiz(learner=resident, quiz=quiz, answers=answers(questions))
    assert refused.value.code == "quiz_passed"


@pytest.mark.django_db
def test_blank_submission_refused_without_using_an_attempt(resident, enrolled, lesson):
    quiz, questions = make_quiz(lesson=lesson)
    client = Client()
    client.force_login(resident)
    html = post_answers(client, quiz, questions, {})
    assert "Hãy trả lời tất cả các câu hỏi trước khi nộp bài (còn 3 câu" in html
    assert "is-answer" not in html and "data-grade" not in html
    html = post_answers(client, quiz, questions, {"single": [1]})
    assert "còn 2 câu chưa trả lời" in html
    assert not QuizAttempt.objects.exists()
    assert "data-submit-quiz" in html  # no attempt used, no wait


@pytest.mark.django_db
def test_quiz_event_refused_while_waiting(resident, enrolled, lesson):
    quiz, questions = make_quiz(lesson=lesson)

    def send(chosen):
        return record_event(
            learner=resident,
            data={
                "id": str(uuid.uuid4()),
                "type": "quiz.answered",
                "lesson": lesson.pk,
                "at": timezone.now().isoformat(),
                "quiz": quiz.pk,
                "answers": chosen,
            },
        )

    assert send({}).detail["code"] == "quiz_blank"
    assert send(answers(questions, single=[0], multiple=[2])).status == "accepted"
    refused = send(answers(questions))
    assert (refused.status, refused.detail["code"]) == ("rejected", "quiz_wait")
    assert "right" not in refused.as_dict()
    assert QuizAttempt.objects.count() == 1

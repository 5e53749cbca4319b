"""A resident's own learning: enrol, My learning, quizzes, certificates, verify."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cms.models import CoursePage
from cms.page_access import viewable
from lms.course_certificate import certificate_pdf
from lms.models import AccessKind, Certificate, Quiz
from lms.selectors import my_learning
from lms.services import enrolments
from lms.services.access_log import log_personal_data_access
from lms.services.quizzes import (
    QuizRefused,
    choice_texts,
    last_grade,
    learner_quiz_state,
    submit_quiz,
)

LOGIN_URL = "lms:login"


@require_POST
@login_required(login_url=LOGIN_URL)
def enrol(request, course_id):
    # A private course the learner may not view cannot be enrolled in either.
    course = get_object_or_404(
        viewable(CoursePage.objects.live(), request), pk=course_id
    )
    result = enrolments.enrol(learner=request.user, course=course)
    if result.created:
        messages.success(request, _("You are enrolled. Good luck with your learning!"))
    return redirect(course.get_url(request) or reverse("lms:my-learning"))


@require_POST
@login_required(login_url=LOGIN_URL)
def unenrol(request, course_id):
    enrolment = enrolments.active_enrolment(learner=request.user, course_id=course_id)
    if enrolment:
        enrolments.unenrol(enrolment=enrolment)
        messages.info(request, _("You have left the course. Your progress is kept."))
    return redirect("lms:my-learning")


@never_cache
@login_required(login_url=LOGIN_URL)
def my_learning_view(request):
    year = timezone.localdate().year
    context = {
        "learning": my_learning(user_id=request.user.pk, year=year, request=request)
    }
    # The recognition module may extend this page (filling its recognition_status
    # block) with a template of its own; without it the plain page is shown.
    return render(
        request, ["lms/recognition/my_learning.html", "lms/my_learning.html"], context
    )


@never_cache
@login_required(login_url=LOGIN_URL)
def certificate_download(request, code):
    certificate = get_object_or_404(
        Certificate.objects.select_related("learner", "course", "centre", "enrolment"),
        code=code,
    )
    if not request.user.has_perm("lms.view_certificate", certificate):
        raise Http404
    if not certificate.is_valid:
        # A printed copy of a revoked certificate would look valid; the verify page
        # and "My learning" say it was revoked.
        raise Http404
    log_personal_data_access(
        viewer=request.user,
        subject=certificate.learner,
        what=AccessKind.CERTIFICATE,
        detail=certificate.course.title,
        path=request.path,
    )
    pdf = certificate_pdf(certificate, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="chung-chi-{certificate.code}.pdf"'
    )
    return response


def verify(request, code):
    """Public: whether a certificate is valid; name, course, centre, date and hours."""
    certificate = (
        Certificate.objects.select_related("learner", "course", "centre", "enrolment")
        .filter(code=code.strip().upper())
        .first()
    )
    response = render(request, "lms/verify.html", {"certificate": certificate})
    if certificate is None:
        response.status_code = 404
    return response


@login_required(login_url=LOGIN_URL)
def take_quiz(request, quiz_id):
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    course_id = quiz.course_id or (
        quiz.lesson.get_parent().pk if quiz.lesson_id else None
    )
    if not enrolments.active_enrolment(learner=request.user, course_id=course_id):
        raise PermissionDenied
    questions = list(quiz.questions.all())
    grade, refused = None, None
    if request.method == "POST":
        answers = {
            str(q.pk): request.POST.getlist(f"question-{q.pk}") for q in questions
        }
        try:
            _attempt, grade = submit_quiz(
                learner=request.user, quiz=quiz, answers=answers
            )
        except QuizRefused as refusal:
            refused = refusal.reason
    state = learner_quiz_state(learner=request.user, quiz=quiz)
    if grade is None and state.reveal_answers:
        grade = last_grade(learner=request.user, quiz=quiz, questions=questions)
    # Right or wrong per question and the right answers only once they may be shown.
    results = (
        {r.question_id: r for r in grade.results}
        if grade and state.reveal_answers
        else {}
    )
    rows = [
        {
            "question": q,
            "choices": list(enumerate(choice_texts(q))),
            "multiple": q.kind == "multiple",
            "result": results.get(q.pk),
        }
        for q in questions
    ]
    return render(
        request,
        "lms/quiz.html",
        {
            "quiz": quiz,
            "rows": rows,
            "grade": grade,
            "state": state,
            "refused": refused,
        },
    )

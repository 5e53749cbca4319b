"""Template tags rendered directly, as the CMS templates will use them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

from lms.services.enrolments import enrol


def render(source, user, **context):
    request = RequestFactory().get("/")
    request.user = user
    return Template("{% load lms_tags %}" + source).render(
        Context({"request": request, "user": user, "csrf_token": "tok", **context})
    )


@pytest.mark.django_db
def test_course_actions_for_each_state(resident, course, lessons):
    anonymous = render("{% course_actions page %}", AnonymousUser(), page=course)
    assert "/dang-nhap/?next=" in anonymous
    not_enrolled = render("{% course_actions page %}", resident, page=course)
    assert f'action="/hoc-tap/dang-ky/{course.pk}/"' in not_enrolled
    enrol(learner=resident, course=course)
    enrolled = render("{% course_actions page %}", resident, page=course)
    assert "<progress" in enrolled
    assert lessons[0].title in enrolled  # continue with the first lesson


@pytest.mark.django_db
def test_lesson_tracking_includes_queue_and_button(resident, course, lesson):
    html = render("{% lesson_tracking page %}", resident, page=lesson)
    assert "progress-queue.js" not in html  # not enrolled yet
    enrol(learner=resident, course=course)
    html = render("{% lesson_tracking page %}", resident, page=lesson)
    assert "lms/js/progress-queue.js" in html
    assert "data-mark-done" in html
    assert f'data-lesson="{lesson.pk}"' in html
    assert 'data-endpoint="/api/lms/events/"' in html


@pytest.mark.django_db
def test_nav_user(resident, staff):
    assert "/dang-nhap/" in render("{% nav_user %}", AnonymousUser())
    html = render("{% nav_user %}", resident)
    assert "/hoc-tap-cua-toi/" in html and "/quan-ly/" not in html
    assert "/quan-ly/" in render("{% nav_user %}", staff)

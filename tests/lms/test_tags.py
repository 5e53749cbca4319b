"""Template tags rendered directly, as the CMS templates will use them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

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


@pytest.mark.django_db
def test_lesson_tracking_states_each_rule(resident, enrolled, lesson, video_lesson):
    """Text: the reading still missing, the button disabled until then; media: watch
    it all, no button; quiz: take it, no button."""
    from lms.models import Quiz
    from tests.lms.learning import read_lesson, spend_time

    with translation.override("vi"):
        html = render("{% lesson_tracking page %}", resident, page=lesson)
        assert 'data-rule="reading"' in html
        assert "đọc bài ít nhất 3 phút" in html
        assert "Còn 3 phút nữa." in html
        assert 'data-reading-left="180"' in html
        assert "data-mark-done disabled" in html
        spend_time(resident, lesson, 120)
        html = render("{% lesson_tracking page %}", resident, page=lesson)
        assert "Còn 1 phút nữa." in html and 'data-reading-left="60"' in html
        read_lesson(resident, lesson)
        html = render("{% lesson_tracking page %}", resident, page=lesson)
        assert "Bạn đã hoàn thành bài học này." in html
        assert "data-mark-done" not in html

        html = render("{% lesson_tracking page %}", resident, page=video_lesson)
        assert 'data-rule="media"' in html
        assert "xem hết video hoặc bài nghe (ít nhất 3 phút)" in html  # 90 % of 150 s
        assert "data-mark-done" not in html

        Quiz.objects.create(title="Kiểm tra", lesson=video_lesson, pass_mark=70)
        html = render("{% lesson_tracking page %}", resident, page=video_lesson)
        assert 'data-rule="quiz"' in html and "đạt 70% câu đúng" in html
        assert "data-mark-done" not in html

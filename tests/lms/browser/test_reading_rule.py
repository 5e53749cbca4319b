"""A text lesson's reading rule in a real browser: counted down, then completed."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from lms.models import LessonProgress
from lms.services.enrolments import enrol
from tests.lms.conftest import make_lesson
from tests.lms.learning import spend_time

pytestmark = [pytest.mark.browser, pytest.mark.urls("tests.lms.browser.urls")]


def test_finished_button_waits_for_the_reading_time(
    browser, live_server, commune, course
):
    """With a second of reading missing the button is disabled; once the page has
    counted it, the button completes the lesson and the page says so."""
    try:
        learner = get_user_model().objects.create_user(
            phone="0966000222",
            password="mat-khau-x",
            full_name="Lý Thị Ba",
            commune=commune,
        )
        lesson = make_lesson(course, "Bài đọc")
        enrolment = enrol(learner=learner, course=course).enrolment
        enrolment.enrolled_at -= timedelta(days=1)
        enrolment.save(update_fields=["enrolled_at"])
        spend_time(learner, lesson, 179)  # the reading time is 180 s (the floor)
        client = Client()
        client.force_login(learner)
        context = browser.new_context()
        context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": live_server.url,
                }
            ]
        )
        page = context.new_page()
        page.goto(f"{live_server.url}/test-lesson/{lesson.pk}/")
        page.wait_for_function("() => window.lmsProgressQueue !== undefined")
        assert page.is_disabled("[data-mark-done]")
        assert "Còn 1 phút nữa." in page.text_content("[data-rule-missing]")
        page.wait_for_timeout(2000)
        page.evaluate("() => lmsProgressQueue.recordTime()")
        assert page.is_enabled("[data-mark-done]")
        page.click("[data-mark-done]")
        page.wait_for_selector("[data-lesson-done]:not([hidden])", timeout=15000)
        # Hidden state really hides (the site's CSS must not override `hidden`).
        assert page.is_hidden("[data-mark-done]")
        assert page.is_hidden("[data-rule]")
        progress = LessonProgress.objects.get(learner=learner, lesson=lesson)
        assert progress.completion_reason == "reading_time"
        assert progress.seconds_spent >= 180
        context.close()
    finally:
        connection.close()

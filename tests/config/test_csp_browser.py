"""Real Chromium opens the site's pages and the Wagtail admin without CSP violations."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from cms.models import Commune, CourseIndexPage, CoursePage, LessonMedia, LessonPage
from cms.models.media import TranscodeStatus
from cms.site_setup import ensure_home_page
from lms.services.enrolments import enrol
from tests.cms.video.test_player_browser import restore_tree
from tests.csp_watch import violations, watch
from tests.lms.browser.conftest import browser  # noqa: F401

pytestmark = pytest.mark.browser


def session_cookie(user, live_server) -> dict:
    client = Client()
    client.force_login(user)
    value = client.cookies["sessionid"].value
    return {"name": "sessionid", "value": value, "url": live_server.url}


@pytest.fixture
def world(live_server):
    restore_tree()
    home = ensure_home_page()
    courses = home.add_child(instance=CourseIndexPage(title="Khoá học"))
    course = courses.add_child(
        instance=CoursePage(title="Trồng lúa", summary="Kỹ thuật trồng lúa")
    )
    video = LessonMedia.objects.create(
        title="Gieo mạ",
        file="media/v.mp4",
        type="video",
        duration=60,
        transcode_status=TranscodeStatus.READY,
        hls_playlist="media/renditions/1/1/master.m3u8",
        download_file="media/renditions/1/1/download.mp4",
    )
    lesson = course.add_child(
        instance=LessonPage(
            title="Bài 1: gieo mạ",
            body=[("video", {"video": video, "caption": "Gieo mạ đúng cách"})],
        )
    )
    User = get_user_model()
    learner = User.objects.create_user(
        phone="0966000222",
        password="mat-khau-x",
        full_name="Vàng Thị Dung",
        commune=Commune.objects.get(code="03037"),
    )
    enrol(learner=learner, course=course)
    admin = User.objects.create_superuser(
        username="quantri", email="qt@example.vn", password="mat-khau-1"
    )
    yield {"lesson": lesson, "learner": learner, "admin": admin}
    connection.close()  # Playwright's thread opened its own connection


def open_and_check(context, url, ready: str) -> None:
    page = context.new_page()
    console = watch(page)
    page.goto(url)
    page.wait_for_function(ready, timeout=15000)
    page.wait_for_load_state("networkidle")
    assert violations(page, console) == [], url
    page.close()


def test_lesson_page_with_player_and_queue_has_no_violation(
    browser,  # noqa: F811
    live_server,
    world,
):
    context = browser.new_context()
    context.add_cookies([session_cookie(world["learner"], live_server)])
    open_and_check(
        context,
        live_server.url + world["lesson"].url,
        "() => window.lmsProgressQueue !== undefined"
        " && document.querySelector('[data-player-ready]') !== null",
    )
    context.close()


def test_sign_in_page_has_no_violation(browser, live_server, world):  # noqa: F811
    context = browser.new_context()
    open_and_check(
        context,
        live_server.url + "/dang-nhap/",
        "() => document.querySelector('form') !== null",
    )
    context.close()


def test_wagtail_admin_dashboard_works_under_its_policy(
    browser,  # noqa: F811
    live_server,
    world,
):
    context = browser.new_context()
    context.add_cookies([session_cookie(world["admin"], live_server)])
    open_and_check(
        context,
        live_server.url + "/admin/",
        "() => document.querySelector('.w-dashboard, main') !== null",
    )
    open_and_check(
        context,
        f"{live_server.url}/admin/pages/{world['lesson'].pk}/edit/",
        "() => document.querySelector('form') !== null",
    )
    context.close()

"""Learner data reaches the CMS pages through the LMS template tags."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from cms.demo import attach_demo_video
from cms.demo.content import VIDEO_LESSON_SLUG
from cms.models import CentrePage, LessonMedia, LessonPage
from lms.models import ClassSession


def test_course_page_asks_a_visitor_to_sign_in_to_enrol(client, course, lessons):
    html = client.get(course.url).content.decode()
    assert "Đăng nhập để đăng ký học" in html
    assert f"/dang-nhap/?next={course.url}" in html.replace("%2F", "/")


def test_course_page_shows_an_enrolled_residents_progress(
    client, resident, course, enrolled
):
    client.force_login(resident)
    html = client.get(course.url).content.decode()
    assert "<progress" in html
    assert "Học tiếp" in html


def test_lesson_page_carries_the_progress_queue(client, resident, lesson, enrolled):
    client.force_login(resident)
    html = client.get(lesson.url).content.decode()
    assert "lms/js/progress-queue" in html


def test_centre_page_lists_upcoming_classes(client, home_page, centre):
    page = home_page.add_child(instance=CentrePage(title=centre.name, centre=centre))
    ClassSession.objects.create(
        centre=centre,
        topic="Phòng chống lừa đảo qua điện thoại",
        date=timezone.localdate() + timedelta(days=3),
        hours=Decimal("2"),
        place="Nhà văn hoá thôn",
    )
    html = client.get(page.url).content.decode()
    assert "Phòng chống lừa đảo qua điện thoại" in html


def test_header_links_officers_to_recognition_and_reports(client, staff, home_page):
    client.force_login(staff)
    html = client.get(home_page.url).content.decode()
    assert "/cong-nhan/" in html
    assert "/bao-cao/" in html


def test_header_has_no_officer_links_for_a_resident(client, resident, home_page):
    client.force_login(resident)
    html = client.get(home_page.url).content.decode()
    assert "/hoc-tap-cua-toi/" in html
    assert "/bao-cao/" not in html


def test_demo_video_goes_into_the_first_smartphone_lesson_once(course):
    lesson = LessonPage(
        title="Làm quen với điện thoại",
        slug=VIDEO_LESSON_SLUG,
        body=[("paragraph", "<p>Bài đọc</p>")],
    )
    course.add_child(instance=lesson)
    media = LessonMedia.objects.create(
        title="Video demo", file="media/demo.mp4", type="video", duration=12
    )
    attach_demo_video(media)
    attach_demo_video(media)
    lesson.refresh_from_db()
    kinds = [block.block_type for block in lesson.body]
    assert kinds == ["video", "paragraph"]


def test_lesson_page_states_the_media_length_and_its_rule(
    client, resident, enrolled, video_lesson
):
    """The length shown is the probed media (150 s -> 3 min), not the 15-minute
    estimate; the rule says to watch it all, and no "finished" button is offered."""
    client.force_login(resident)
    html = client.get(video_lesson.url).content.decode()
    assert video_lesson.estimated_minutes == 15
    assert "3 phút" in html and "15 phút" not in html
    assert 'data-rule="media"' in html
    assert "data-mark-done" not in html


def test_completion_control_comes_before_the_next_lesson(
    client, resident, lesson, enrolled
):
    """A reader who ends the text meets "I have finished this lesson" before
    "Next lesson", not below it."""
    client.force_login(resident)
    html = client.get(lesson.url).content.decode()
    assert html.index("data-mark-done") < html.index('rel="next"')

"""Every public page has a meta description, at worst the site's own sentence."""

import html as html_lib
import re

from cms.meta import MAX_CHARS, page_description, site_description
from cms.models import LessonPage

from .conftest import paragraph


def description_of(client, url) -> str:
    html = client.get(url).content.decode()
    found = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert len(found) == 1, url
    return html_lib.unescape(found[0])


def test_editor_written_description_comes_first(client, course):
    course.search_description = "Học cấy lúa SRI trong ba buổi."
    course.save_revision().publish()
    assert description_of(client, course.url) == "Học cấy lúa SRI trong ba buổi."


def test_public_pages_fall_back_to_their_intro_or_summary(
    client, home_page, course_index, course, resource, news
):
    home_page.intro = "<p>Chào mừng đến với <b>trung tâm</b>.</p>"
    home_page.save_revision().publish()
    course_index.intro = "Các khoá học của xã."
    course_index.save_revision().publish()
    news.intro = "Lớp tin học khai giảng ngày 5."
    news.save_revision().publish()
    lesson = course.get_children().first()
    assert description_of(client, home_page.url) == "Chào mừng đến với trung tâm."
    assert description_of(client, course_index.url) == "Các khoá học của xã."
    assert description_of(client, course.url) == course.summary
    assert description_of(client, lesson.url) == "Tóm tắt bài 1"
    assert description_of(client, resource.url) == resource.summary
    assert description_of(client, news.url) == "Lớp tin học khai giảng ngày 5."


def test_lesson_without_summary_is_described_by_its_first_words(client, course):
    lesson = course.add_child(
        instance=LessonPage(
            title="Bài không tóm tắt", body=paragraph("Ruộng cần tháo nước. " * 30)
        )
    )
    text = description_of(client, lesson.url)
    assert text.startswith("Ruộng cần tháo nước.")
    assert len(text) <= MAX_CHARS and text.endswith("…")


def test_pages_without_a_page_get_the_site_sentence(client, db):
    assert description_of(client, "/search/") == site_description()
    assert description_of(client, "/dang-nhap/") == site_description()
    assert page_description(None) == site_description()
    assert "học tập cộng đồng" in site_description()

"""Public pages: what each shows, how many queries it costs, how much it weighs."""

import datetime
import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.demo.content import COURSES
from cms.models import (
    Centre,
    CentrePage,
    CoursePage,
    LessonPage,
    NewsIndexPage,
    NewsPage,
    TargetGroup,
)

from .conftest import add_course

LESSON_PAGE_BUDGET = 60 * 1024


def html_of(client, page, **params):
    response = client.get(page.url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_course_page_has_the_enrol_action_and_ordered_lessons(client, course):
    html = html_of(client, course)
    # The LMS fills the action: a visitor is asked to sign in, then enrols.
    assert "Đăng nhập để đăng ký học" in html
    positions = [html.index(f"{course.title}: bài {n}") for n in (1, 2, 3, 4)]
    assert positions == sorted(positions)
    assert html.count("badge-required") == 2  # lessons 1 and 3
    assert "4 bài, 2 bài bắt buộc" in html
    assert 'aria-label="Đường dẫn"' in html  # breadcrumb
    assert "Nông dân" in html


def test_course_page_queries_do_not_grow_with_lessons(client, course_index, subjects):
    small = add_course(course_index, "Khoá hai bài", lessons=2)
    large = add_course(course_index, "Khoá tám bài", lessons=8)
    # Warm the site-root cache and each page's breadcrumb like a running server.
    client.get(small.url)
    client.get(large.url)
    counts = []
    for course in (small, large):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(course.url)
        assert response.status_code == 200
        counts.append(len(queries))
    print(f"course page queries: 2 lessons {counts[0]}, 8 lessons {counts[1]}")
    assert counts[0] == counts[1]
    # Once seen: the course's own row; its lessons and groups are remembered.
    assert counts == [1, 1]


def test_course_page_lists_a_lesson_once_published_and_not_once_unpublished(
    client, course
):
    """The remembered lessons are forgotten on publish and unpublish."""
    assert "Bài mới" not in html_of(client, course)
    lesson = course.add_child(
        instance=LessonPage(title="Bài mới", summary="Bài mới", live=False)
    )
    lesson.save_revision().publish()
    assert "Bài mới" in html_of(client, course)
    assert "5 bài," in html_of(client, course)
    lesson.refresh_from_db()
    lesson.unpublish()
    assert "Bài mới" not in html_of(client, course)


def test_a_course_preview_lists_the_drafts_target_groups(rf, course, target_group):
    """A preview is never answered from what is remembered of the live page."""
    request = rf.get(course.url)
    assert course.get_context(request)["target_groups"] == (target_group,)
    other = TargetGroup.objects.create(name="Phụ nữ", slug="phu-nu")
    course.target_groups = [other]
    request.is_preview = True
    assert list(course.get_context(request)["target_groups"]) == [other]


def test_lesson_page_query_count(client, course, django_assert_max_num_queries):
    lesson = LessonPage.objects.child_of(course).order_by("path")[1]
    client.get(lesson.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(lesson.url)
    print(f"lesson page queries: {len(queries)}")
    with django_assert_max_num_queries(13):
        client.get(lesson.url)


def test_lesson_page_links_previous_and_next(client, course):
    lessons = list(LessonPage.objects.child_of(course).order_by("path"))
    html = html_of(client, lessons[1])
    assert f'rel="prev" href="{lessons[0].url}"' in html
    assert f'rel="next" href="{lessons[2].url}"' in html
    assert "Bài 2 / 4" in html
    first = html_of(client, lessons[0])
    assert 'rel="prev"' not in first
    last = html_of(client, lessons[3])
    assert 'rel="next"' not in last


@pytest.fixture
def demo_lesson(course):
    """The longest demo lesson, with an image, as a realistic weight test."""
    spec = max(
        (lesson for c in COURSES for lesson in c["lessons"]),
        key=lambda lesson: len(str(lesson["body"])),
    )
    image = get_image_model().objects.create(
        title="Ruộng", file=get_test_image_file(size=(1600, 900))
    )
    body = [
        *spec["body"],
        {"type": "image", "value": {"image": image.pk, "alt_text": "Ruộng lúa"}},
    ]
    return course.add_child(
        instance=LessonPage(title=spec["title"], summary=spec["summary"], body=body)
    )


def test_lesson_page_weighs_under_budget_without_third_party_resources(
    client, demo_lesson
):
    html = html_of(client, demo_lesson)
    assets = re.findall(
        r'<link rel="stylesheet"[^>]+href="([^"]+)"', html
    ) + re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert assets, "the page should load its stylesheet"
    for url in assets:
        assert url.startswith("/") and not url.startswith("//"), url
    total = len(gzip.compress(html.encode(), 9))
    for url in assets:
        path = finders.find(url.removeprefix("/static/"))
        with open(path, "rb") as handle:
            total += len(gzip.compress(handle.read(), 9))
    print(f"lesson page weight, gzip, HTML + CSS/JS: {total} bytes")
    assert total <= LESSON_PAGE_BUDGET


def test_base_font_is_at_least_18_px():
    with open(finders.find("cms/css/site.css")) as handle:
        css = handle.read()
    percent = float(re.search(r"html \{ font-size: ([\d.]+)%", css).group(1))
    assert percent * 16 / 100 >= 18


def test_course_cover_is_a_webp_picture(client, course):
    course.cover_image = get_image_model().objects.create(
        title="Ruộng", file=get_test_image_file(size=(1600, 900))
    )
    course.save_revision().publish()
    html = html_of(client, course)
    assert 'type="image/webp"' in html and "srcset=" in html


def test_navigation_links_home_courses_library_search_and_sign_in(
    client, course, library
):
    html = html_of(client, course)
    nav = html[html.index('class="site-nav"') :]
    for href in (
        'href="/"',
        'href="/khoa-hoc/"',
        'href="/thu-vien/"',
        'href="/search/"',
    ):
        assert href in nav
    assert "Đăng nhập" in nav


def test_home_page_lists_centres_courses_resources_and_news(
    client, home_page, commune, course, resource, news
):
    centre = Centre.objects.create(commune=commune, name="TTHTCĐ xã Tả Van")
    home_page.add_child(instance=CentrePage(title=centre.name, centre=centre))
    html = html_of(client, home_page)
    for text in (centre.name, course.title, resource.title, news.title):
        assert text in html


def test_centre_page_shows_facts_and_its_courses(client, home_page, commune, course):
    centre = Centre.objects.create(
        commune=commune,
        name="TTHTCĐ xã Tả Van",
        address="Thôn Tả Van Giáy 1",
        schedule="Thứ Hai – thứ Sáu",
    )
    CoursePage.objects.filter(pk=course.pk).update(centre=centre)
    page = home_page.add_child(instance=CentrePage(title=centre.name, centre=centre))
    html = html_of(client, page)
    assert "Thôn Tả Van Giáy 1" in html and "Thứ Hai – thứ Sáu" in html
    assert course.title in html


def test_library_filters_by_subject_and_licence(client, library, resource, licences):
    html = html_of(client, library)
    assert resource.title in html
    assert resource.title in html_of(client, library, subject="nong-nghiep")
    assert resource.title not in html_of(client, library, licence="CC0-1.0")
    section = resource.get_parent()
    assert resource.title in html_of(client, section, licence="CC-BY-4.0")


def test_resource_page_shows_licence_languages_and_institution(client, resource):
    html = html_of(client, resource)
    assert "Rice blast prevention" in html
    assert "dịch từ Tiếng Anh" in html
    assert "Trường Đại học Sư phạm Hà Nội" in html
    assert "CC BY 4.0" in html


def test_news_index_lists_items_newest_first(client, home_page):
    index = home_page.add_child(instance=NewsIndexPage(title="Tin", slug="tin"))
    index.add_child(instance=NewsPage(title="Tin cũ", date=datetime.date(2026, 1, 1)))
    index.add_child(instance=NewsPage(title="Tin mới", date=datetime.date(2026, 6, 1)))
    html = html_of(client, index)
    assert html.index("Tin mới") < html.index("Tin cũ")


def test_pages_are_found_by_their_whole_path(client, course):
    """A lesson three levels down is found by its address, not by a walk per level:
    its row and its typed row, then (its type remembered) its typed row alone."""
    lesson = LessonPage.objects.child_of(course).order_by("path").first()
    for expected in (2, 1):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(lesson.url).status_code == 200
        sql = [q["sql"] for q in queries]
        assert sum('"wagtailcore_page"."url_path" =' in s for s in sql) == expected
        assert not any('"wagtailcore_page"."slug" =' in s for s in sql)


def test_routing_keeps_wagtails_rules(client, course):
    """A draft is not served; a live page under a draft parent still is."""
    first, second = LessonPage.objects.child_of(course).order_by("path")[:2]
    first.unpublish()
    assert client.get(first.url).status_code == 404
    assert client.get(course.url + "khong-co-bai-nay/").status_code == 404
    course.unpublish()
    second.refresh_from_db()
    assert second.live
    assert client.get(second.url).status_code == 200

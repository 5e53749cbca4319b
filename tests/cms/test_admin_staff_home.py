"""The admin for older staff: "Thêm bài học", publish in sight, one name per menu entry,
their tasks on the home page."""

import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from cms.admin_home import selectors
from cms.constants import VIDEO_LESSON_FLOW_URL
from cms.models import LessonMedia
from cms.models.media import TranscodeStatus
from cms.place_rights import centre_collection

from .conftest import add_course
from .staff_admin import build_centre

ADD_LESSON = "/admin/them-bai-hoc/"


@pytest.fixture
def world(home_page, commune):
    return build_centre(home_page, commune)


def sidebar_items(response) -> list[tuple[str, str]]:
    """(label, url) of every entry of the admin sidebar, submenus included."""
    content = response.content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', content, re.S)
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), props[1])
    item = (
        r'"label": "([^"]*)", "icon_name": "[^"]*", "classname": "[^"]*", '
        r'"attrs": \{[^}]*\}, "url": "([^"]*)"'
    )
    return re.findall(item, text)


def default_action(response) -> str:
    """The name of the page editor's main (visible) action button."""
    soup = BeautifulSoup(response.content, "html.parser")
    footer = soup.select_one("footer")
    first = footer.select_one("button[name], a.button, button[type=submit]")
    return first.get("name") or first.get("value") or first.get_text(strip=True)


def test_add_lesson_menu_entry_for_centre_staff(client, world):
    client.force_login(world.staff)
    items = sidebar_items(client.get("/admin/"))
    assert ("Thêm bài học", ADD_LESSON) in items


def test_add_lesson_goes_straight_to_the_editor_with_one_course(client, world):
    client.force_login(world.staff)
    response = client.get(ADD_LESSON)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailadmin_pages:add", args=("cms", "lessonpage", world.course.pk)
    )
    editor = client.get(response["Location"])
    assert editor.status_code == 200


def test_add_lesson_lists_only_the_staffs_courses(client, world, other_commune):
    second = add_course(world.course_index, "Nuôi gà thả vườn", lessons=0)
    elsewhere = build_centre(
        world.centre_page.get_parent(), other_commune, phone="0912000099", slug="tt-2"
    )
    client.force_login(world.staff)
    response = client.get(ADD_LESSON)
    assert response.status_code == 200
    text = response.content.decode()
    for course in (world.course, second):
        url = reverse("wagtailadmin_pages:add", args=("cms", "lessonpage", course.pk))
        assert url in text
    assert f"/lessonpage/{elsewhere.course.pk}/" not in text
    assert VIDEO_LESSON_FLOW_URL in text
    assert "Bài học mới thuộc khoá học nào?" in text


def test_people_without_a_course_see_no_add_lesson(client, world, contributor):
    client.force_login(contributor)
    response = client.get(ADD_LESSON)  # Wagtail turns the refusal into a redirect
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    labels = [label for label, _url in sidebar_items(client.get("/admin/"))]
    assert "Thêm bài học" not in labels


def test_publish_is_the_visible_button_for_staff_who_may_publish(client, world):
    client.force_login(world.staff)
    response = client.get(f"/admin/pages/{world.lesson.pk}/edit/")
    assert default_action(response) == "action-publish"
    soup = BeautifulSoup(response.content, "html.parser")
    main = soup.select_one("footer [data-w-dropdown-target], footer .button")
    assert "Xuất bản" in soup.select_one("footer").get_text()
    assert main is not None


def test_contributors_keep_save_draft_and_submit(client, sections, contributor):
    client.force_login(contributor)
    response = client.get(
        reverse(
            "wagtailadmin_pages:add",
            args=("cms", "openresourcepage", sections[0].pk),
        )
    )
    assert response.status_code == 200
    assert default_action(response) != "action-publish"


@pytest.mark.parametrize("who", ["admin", "staff"])
def test_no_menu_entry_appears_twice(client, world, who):
    user = (
        get_user_model().objects.create_superuser(username="quantri", password="x-1")
        if who == "admin"
        else world.staff
    )
    client.force_login(user)
    labels = [label for label, _url in sidebar_items(client.get("/admin/"))]
    assert labels, "the sidebar was not found"
    twice = [label for label, count in Counter(labels).items() if count > 1]
    assert twice == []


def test_help_menu_has_no_english_guides(client, world):
    client.force_login(world.staff)
    urls = [url for _label, url in sidebar_items(client.get("/admin/"))]
    assert not [url for url in urls if "guide.wagtail.org" in url]


def test_block_add_buttons_carry_their_label(client, world):
    """The stylesheet shows each "+" button's translated title beside the icon."""
    client.force_login(world.staff)
    response = client.get(f"/admin/pages/{world.lesson.pk}/edit/")
    assert 'href="/static/cms/css/admin-staff.css"' in response.content.decode()
    css = __import__("pathlib").Path("cms/static/cms/css/admin-staff.css").read_text()
    assert re.search(r"\.c-sf-add-button::after\s*\{[^}]*content: attr\(title\)", css)


def make_media(world, title, status, percent=0):
    media = LessonMedia(
        title=title,
        type="video",
        collection=centre_collection(world.centre),
        transcode_status=status,
        transcode_percent=percent,
        hls_playlist="media/1/index.m3u8" if status == TranscodeStatus.READY else "",
    )
    media.file.save("clip.mp4", ContentFile(b"\x00" * 10), save=False)
    LessonMedia.objects.bulk_create([media])
    return media


def test_home_shows_lessons_being_processed_in_words(client, world, other_commune):
    make_media(world, "Cấy lúa", TranscodeStatus.PROCESSING, 40)
    make_media(world, "Bón phân", TranscodeStatus.QUEUED)
    make_media(world, "Gặt lúa", TranscodeStatus.FAILED)
    make_media(world, "Đã xong", TranscodeStatus.READY)
    elsewhere = build_centre(
        world.centre_page.get_parent(), other_commune, phone="0912000099", slug="tt-2"
    )
    make_media(elsewhere, "Của xã khác", TranscodeStatus.QUEUED)
    client.force_login(world.staff)
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panel = soup.select_one(".staff-home")
    text = " ".join(panel.get_text(" ").split())
    assert "Việc của bạn" in text
    assert "Cấy lúa — Đang xử lý: 40 %" in text
    assert "Bón phân — Đang chờ xử lý" in text
    assert "Gặt lúa — Xử lý không thành công" in text
    assert "Đã xong" not in text
    assert "Của xã khác" not in text
    assert panel.select_one("[data-add-lesson]")["href"] == ADD_LESSON


def test_home_lists_resources_awaiting_the_library_editor(
    client, sections, reviewer, licences, contributor
):
    from cms.models import OpenResourcePage

    draft = sections[0].add_child(
        instance=OpenResourcePage(
            title="Nuôi ong lấy mật",
            summary="Tóm tắt",
            licence=licences["CC-BY-4.0"],
            institution=sections[0].institution,
            language="vi",
            live=False,
        )
    )
    draft.save_revision(user=contributor)
    draft.get_workflow().start(draft, contributor)
    assert [s.revision.object_str for s in selectors.reviews_awaiting(reviewer)] == [
        "Nuôi ong lấy mật"
    ]
    client.force_login(reviewer)
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    reviews = soup.select_one("[data-reviews]")
    assert reviews.a.get_text() == "Nuôi ong lấy mật"
    assert reviews.a["href"] == f"/admin/pages/{draft.pk}/edit/"


def test_staff_home_query_count_does_not_grow(client, world):
    client.force_login(world.staff)
    make_media(world, "Bài 0", TranscodeStatus.QUEUED)
    client.get("/admin/")
    with CaptureQueriesContext(connection) as one:
        client.get("/admin/")
    for number in range(1, 6):
        make_media(world, f"Bài {number}", TranscodeStatus.QUEUED)
    with CaptureQueriesContext(connection) as six:
        assert "Bài 5" in client.get("/admin/").content.decode()
    assert len(six) <= len(one)


def test_names_from_wagtails_migrations_are_vietnamese(db):
    from wagtail.models import Collection, Task, Workflow

    assert Page.get_first_root_node().title == "Gốc"
    assert Collection.get_first_root_node().name == "Dùng chung"
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()


def test_tabs_name_the_platform_and_the_account_page_lists_no_zones(client, world):
    client.force_login(world.staff)
    title = BeautifulSoup(client.get("/admin/documents/").content, "html.parser").title
    assert title.get_text(strip=True) == "Tài liệu - Học tập cộng đồng"
    account = client.get("/admin/account/").content.decode()
    assert "Africa/Abidjan" not in account

"""The Wagtail admin speaks Vietnamese through the cms.admin_vi catalogue overlay."""

import html
import json
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation.reloader import translation_file_changed
from wagtail.models import Collection, Page
from wagtail.users.models import UserProfile

from cms.admin_vi.catalogue import (
    OVERLAY_DIR,
    missing_placeholders,
    read_po,
    wagtail_msgids,
)
from cms.models import CourseIndexPage, CoursePage, LessonPage

OVERLAY = Path(OVERLAY_DIR)


def compile_catalogue(po: Path) -> None:
    subprocess.run(
        ["msgfmt", "--check", "-o", str(po.with_suffix(".mo")), str(po)], check=True
    )


@pytest.fixture(scope="module", autouse=True)
def compiled_overlay():
    """`make messages` compiles the catalogues; do it here too when they are stale."""
    for po in OVERLAY.glob("*.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            compile_catalogue(po)
            translation_file_changed(sender=None, file_path=mo)


def text_of(response) -> str:
    """The page's text with entities and JSON escapes (sidebar props) decoded."""
    content = response.content.decode()
    content = re.sub(
        r"\\u([0-9a-fA-F]{4})", lambda match: chr(int(match.group(1), 16)), content
    )
    return html.unescape(content)


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        username="bientap",
        email="bientap@example.vn",
        password="mat-khau-1",
        full_name="Trần Văn Biên",
    )


@pytest.fixture
def admin_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def lesson(home_page):
    index = home_page.add_child(
        instance=CourseIndexPage(title="Khoá học", slug="khoa-hoc")
    )
    course = index.add_child(
        instance=CoursePage(title="Trồng rau sạch", slug="trong-rau", summary="Rau")
    )
    return course.add_child(
        instance=LessonPage(title="Bài 1: Làm đất", slug="bai-1", body=[])
    )


def test_login_page_is_vietnamese(client, db):
    text = text_of(client.get("/admin/login/"))
    assert "Đăng nhập" in text
    assert "Quên mật khẩu?" in text
    assert "Sign in" not in text
    assert "Forgotten password?" not in text


def test_browser_asking_for_english_still_gets_vietnamese(client, db):
    """Staff browsers are often set up in English; the site stays Vietnamese."""
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Đăng nhập" in text_of(response)
    assert response["Content-Language"] == "vi"


def test_choosing_english_with_the_language_cookie_gives_english(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    text = text_of(client.get("/admin/login/"))
    assert "Sign in" in text
    assert "Đăng nhập" not in text


def test_language_switcher_sets_english_and_back(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/admin/login/"})
    assert "Sign in" in text_of(client.get("/admin/login/"))
    client.post("/i18n/setlang/", {"language": "vi", "next": "/admin/login/"})
    assert "Đăng nhập" in text_of(client.get("/admin/login/"))


def test_dashboard_and_menus_are_vietnamese(admin_client):
    text = text_of(admin_client.get("/admin/"))
    for label in ("Trang", "Ảnh", "Tài liệu", "Báo cáo", "Cài đặt", "Trợ giúp"):
        assert f'"{label}"' in text, label
    assert "Đăng xuất" in text
    assert '"Log out"' not in text
    assert '"Reports"' not in text


def test_page_explorer_is_vietnamese(admin_client, lesson):
    course = lesson.get_parent()
    text = text_of(admin_client.get(f"/admin/pages/{course.pk}/"))
    assert "Thêm trang con" in text
    assert "Đã xuất bản" in text
    assert "Add child page" not in text


def test_page_editor_is_vietnamese(admin_client, lesson):
    response = admin_client.get(f"/admin/pages/{lesson.pk}/edit/")
    text = text_of(response)
    for phrase in ("Lưu bản nháp", "Xuất bản", "Nội dung", "Quảng bá", "Xem trước"):
        assert phrase in text, phrase
    for phrase in ("Save draft", "Promote", "Unpublish"):
        assert phrase not in text, phrase
    # The date pickers take month and weekday names from wagtailConfig.
    config = json.loads(
        re.search(
            r'<script id="wagtail-config" type="application/json">(.*?)</script>',
            response.content.decode(),
            re.S,
        )[1]
    )
    assert config["STRINGS"]["MONTHS"][0] == "Tháng 1"
    assert config["STRINGS"]["WEEKDAYS"][0] == "Chủ nhật"


@pytest.mark.parametrize(
    ("url", "phrases", "english"),
    [
        ("/admin/images/", ["Thêm ảnh"], "Add an image"),
        ("/admin/documents/", ["Thêm tài liệu"], "Add a document"),
        ("/admin/media/", ["Thêm âm thanh", "Thêm video"], "Add audio"),
    ],
)
def test_listings_are_vietnamese(admin_client, url, phrases, english):
    response = admin_client.get(url)
    assert response.status_code == 200
    text = text_of(response)
    for phrase in phrases:
        assert phrase in text, phrase
    assert english not in text


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("Snippets", "Danh mục"),
        ("Workflows", "Quy trình duyệt"),
        ("Submit for moderation", "Gửi duyệt"),
        ("Collections", "Bộ sưu tập"),
        ("Users", "Người dùng"),
        ("Groups", "Nhóm"),
        ("Log out", "Đăng xuất"),
    ],
)
def test_terminology(english, vietnamese):
    with translation.override("vi"):
        assert gettext(english) == vietnamese
    with translation.override("en"):
        assert gettext(english) == english


def test_staff_who_prefer_english_see_english(admin_client, editor, lesson):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    text = text_of(admin_client.get(f"/admin/pages/{lesson.pk}/edit/"))
    assert "Save draft" in text
    assert "Lưu bản nháp" not in text
    assert "Sign out" in text or "Log out" in text


def test_admin_javascript_catalogue_carries_the_overlay(admin_client):
    response = admin_client.get("/admin/jsi18n/")
    assert response.status_code == 200
    catalogue = json.loads(
        re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.S)[1]
    )
    assert catalogue["Loading…"] == "Đang tải…"
    assert catalogue["Comment"] == "Bình luận"
    assert catalogue["Save"] == "Lưu"


def test_overlay_covers_most_of_wagtail(db):
    overlay = {entry.key: entry for entry in read_po(OVERLAY / "django.po")}
    wanted = wagtail_msgids()
    translated = [key for key in wanted if key in overlay and overlay[key].translated]
    assert len(translated) >= 1200


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_catalogue_compiles_with_format_checks(domain, tmp_path):
    result = subprocess.run(
        [
            "msgfmt",
            "--check",
            "-o",
            str(tmp_path / f"{domain}.mo"),
            str(OVERLAY / f"{domain}.po"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_translations_keep_every_placeholder(domain):
    entries = read_po(OVERLAY / f"{domain}.po")
    broken = {entry.msgid: missing_placeholders(entry) for entry in entries}
    assert {msgid: gaps for msgid, gaps in broken.items() if gaps} == {}


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_overlay_msgids_exist_in_wagtail(domain):
    """A msgid that drifted from Wagtail's (a typo, an old version) would never show."""
    wanted = wagtail_msgids(domain)
    stray = [e.msgid for e in read_po(OVERLAY / f"{domain}.po") if e.key not in wanted]
    assert stray == []


def test_overlay_app_marks_no_strings_of_its_own():
    """makemessages would otherwise rebuild the overlay from the app's own strings."""
    app_dir = OVERLAY.parents[2]
    for source in [*app_dir.rglob("*.py"), *app_dir.rglob("*.html")]:
        text = source.read_text(encoding="utf-8")
        assert not re.search(
            r"\b(n|p|np)?gettext(_lazy)?\(|\b_\(|{% *(trans|translate|blocktrans)", text
        ), source


def test_english_admin_still_renders_root_explorer(admin_client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    root = Page.get_first_root_node()
    text = text_of(admin_client.get(f"/admin/pages/{root.pk}/"))
    assert "Pages" in text


@pytest.mark.browser
def test_admin_javascript_speaks_vietnamese_in_chromium(
    transactional_db, live_server, monkeypatch
):
    """Login form, sidebar (rendered by React) and gettext() in a real browser.

    Chromium asks for English (Accept-Language: en-US) and still gets Vietnamese.
    """
    from playwright.sync_api import sync_playwright

    from cms.site_setup import ensure_home_page

    ensure_home_page()  # a transactional test may start from a flushed database
    get_user_model().objects.create_superuser(
        username="bientap2", email="bientap2@example.vn", password="mat-khau-1"
    )
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            page = browser.new_page()
            page.goto(f"{live_server.url}/admin/login/")
            page.fill("input[name=username]", "bientap2@example.vn")
            page.fill("input[name=password]", "mat-khau-1")
            page.get_by_role("button", name="Đăng nhập").click()
            page.wait_for_url(f"{live_server.url}/admin/")
            toggle = page.get_by_role("button", name="Ẩn/hiện thanh bên")
            toggle.first.wait_for()
            assert page.get_by_role("button", name="Toggle sidebar").count() == 0
            assert page.get_by_role("navigation", name="Trình đơn chính").count() == 1
            assert page.evaluate("django.gettext('Loading…')") == "Đang tải…"
            assert page.evaluate("django.gettext('Collapse all')") == "Thu gọn tất cả"
        finally:
            browser.close()


def test_validation_errors_are_vietnamese(admin_client):
    root = Collection.get_first_root_node()
    response = admin_client.post(
        "/admin/collections/add/", {"name": "", "parent": root.pk}
    )
    text = text_of(response)
    assert "Không thể tạo bộ sưu tập vì có lỗi." in text
    assert "Trường này là bắt buộc." in text
    assert "This field is required." not in text


def test_wrong_password_message_is_vietnamese(client, editor):
    response = client.post(
        "/admin/login/", {"username": "bientap@example.vn", "password": "sai-mat-khau"}
    )
    text = text_of(response)
    assert "hoặc mật khẩu. Vui lòng thử lại." in text
    assert "didn't match" not in text

"""The page editor in Chromium as centre staff: labelled add buttons, publish in
sight, no English in what the admin's JavaScript draws."""

import pytest
from django.conf import settings
from django.test import Client

from cms.site_setup import ensure_home_page
from tests.lms.browser.conftest import browser  # noqa: F401  (Debian's Chromium)

from .staff_admin import build_centre
from .test_admin_no_english import WORDS

pytestmark = pytest.mark.browser

SHOWN_TEXT = """() => {
  const texts = [document.body.innerText];
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (el.getClientRects().length === 0) continue;  // not on screen
    texts.push(el.getAttribute('aria-label') || '', el.getAttribute('title') || '',
               el.getAttribute('placeholder') || '');
  }
  return texts.join('\\n');
}"""


@pytest.fixture
def staff_page(transactional_db, live_server, browser, commune):  # noqa: F811
    world = build_centre(ensure_home_page(), commune)
    client = Client()
    client.force_login(world.staff)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    yield world, page, live_server.url
    context.close()


def test_the_lesson_editor_in_chromium(staff_page):
    world, page, base = staff_page
    page.goto(f"{base}/admin/")
    assert page.get_by_role("link", name="Thêm bài học").first.is_visible()
    assert WORDS.findall(page.evaluate(SHOWN_TEXT)) == []

    page.goto(f"{base}/admin/pages/{world.lesson.pk}/edit/")
    add = page.locator(".c-sf-add-button").first
    add.wait_for()
    label = add.evaluate("b => getComputedStyle(b, '::after').content")
    assert label == '"Chèn khối"'
    assert add.bounding_box()["width"] > 60  # the word shows beside the "+"
    add.click()
    page.get_by_role("option", name="tiêu đề").first.wait_for()

    footer = page.locator("footer")
    publish = footer.get_by_role("button", name="Xuất bản")
    assert publish.is_visible()
    assert footer.get_by_role("button", name="Lưu bản nháp").is_hidden()

    assert WORDS.findall(page.evaluate(SHOWN_TEXT)) == []


def test_the_sidebar_opens_at_the_centre_with_its_translation_in_reach(staff_page):
    """After a Hmông translation: "Trang" opens at the Vietnamese centre page, and
    its language menu leads to the Hmông centre page."""
    from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
    from wagtail.models import Locale

    from cms.models import CentrePage

    world, page, base = staff_page
    # A live-server test empties the tables: the language rows too.
    hmong, _created = Locale.objects.get_or_create(language_code="hmn")
    CopyPageForTranslationAction(
        page=world.lesson, locale=hmong, copy_parents=True, user=world.staff
    ).execute(skip_permission_checks=True)
    hmong_centre = CentrePage.objects.get(centre=world.centre, locale=hmong)

    page.goto(f"{base}/admin/")
    page.get_by_role("button", name="Trang").click()
    header = page.locator(".c-page-explorer__header__title")
    shows = (
        "href => document.querySelector('.c-page-explorer__header__title')"
        ".getAttribute('href') === href"
    )
    page.wait_for_function(shows, arg=f"/admin/pages/{world.centre_page.pk}/")
    assert world.centre_page.title in header.inner_text()
    items = page.locator(".c-page-explorer__item")
    items.filter(has_text=world.course_index.title).first.wait_for()
    languages = page.locator(".c-page-explorer__header__select select")
    languages.select_option(label="Tiếng Hmông (Lus Hmoob)")
    page.wait_for_function(shows, arg=f"/admin/pages/{hmong_centre.pk}/")
    assert WORDS.findall(page.evaluate(SHOWN_TEXT)) == []

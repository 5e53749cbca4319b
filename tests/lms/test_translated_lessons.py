"""Translated lesson pages: fallback, the chosen language, progress counted once.

Runs on SQLite and on PostgreSQL (`.ci/with-postgres`).
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Locale

from cms.content_languages import PREFERENCE_COOKIE
from cms.models import LessonPage
from cms.page_cache import HIT_HEADER
from cms.search import search_pages
from lms.models import Enrolment, LessonProgress
from lms.services.enrolments import enrol
from tests.lms.learning import read_lesson, spend_time

from .conftest import make_lesson

HMONG_TEXT = "Cog yub me thiab cog kom deb"


def translate(page, code="hmn", *, title=None, blocks=None):
    """Wagtail's translation of `page` (parents made as aliases), some blocks
    replaced in place (same block ids), published."""
    locale, _created = Locale.objects.get_or_create(language_code=code)
    copy = page.copy_for_translation(locale, copy_parents=True)
    raw = [dict(block) for block in page.body.raw_data]
    for position, value in (blocks or {}).items():
        raw[position] = {**raw[position], "value": value}
    copy.body = raw
    copy.title = title or "Kev cog nplej"
    copy.save_revision().publish()
    return LessonPage.objects.get(pk=copy.pk)


@pytest.fixture
def mixed_lesson(course):
    lesson = make_lesson(
        course,
        "Cấy mạ non",
        body=[
            ("paragraph", "<p>Cấy mạ non, cấy thưa.</p>"),
            ("heading", {"text": "Giữ ruộng ẩm", "level": "h2"}),
        ],
    )
    lesson.save_revision().publish()  # as the admin does: its wording is kept
    return lesson


@pytest.fixture
def hmong_lesson(mixed_lesson):
    return translate(mixed_lesson, blocks={0: f"<p>{HMONG_TEXT}.</p>"})


def body_of(response):
    return BeautifulSoup(response.content, "html.parser").select_one("article")


@pytest.mark.django_db
def test_translation_falls_back_to_vietnamese_for_an_untranslated_block(
    mixed_lesson, hmong_lesson
):
    response = Client().get(hmong_lesson.url)
    assert response.status_code == 200
    article = body_of(response)
    assert article["lang"] == "hmn"
    assert HMONG_TEXT in article.get_text()
    untranslated = article.select("[data-untranslated]")
    assert [block["lang"] for block in untranslated] == ["vi"]
    assert "Giữ ruộng ẩm" in untranslated[0].get_text()
    assert "Phần này chưa được dịch" in untranslated[0].get_text()
    # The Vietnamese block is shown as it is now, corrected after the translation.
    mixed_lesson.body = [
        mixed_lesson.body.raw_data[0],
        {**mixed_lesson.body.raw_data[1], "value": {"text": "Tưới ướt khô xen kẽ",
                                                  "level": "h2"}},
    ]  # fmt: skip
    mixed_lesson.save_revision().publish()
    article = body_of(Client().get(hmong_lesson.url))
    assert "Tưới ướt khô xen kẽ" in article.select_one("[data-untranslated]").text


@pytest.mark.django_db
def test_vietnamese_lesson_has_no_untranslated_marks(mixed_lesson, hmong_lesson):
    article = body_of(Client().get(mixed_lesson.url))
    assert article["lang"] == "vi"
    assert not article.select("[data-untranslated]")


@pytest.mark.django_db
def test_hmong_page_has_its_own_address_and_a_vietnamese_interface(hmong_lesson):
    assert hmong_lesson.url.startswith("/hmn/")
    response = Client().get(hmong_lesson.url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="vi">' in html
    soup = BeautifulSoup(html, "html.parser")
    nav = soup.select_one("nav.lesson-nav").get_text()
    assert "Về trang khoá học" in nav
    assert "Back to the course" not in html
    chooser = soup.select_one("nav.language-chooser")
    assert chooser["aria-label"] == "Ngôn ngữ của bài"
    assert "Lus Hmoob" in chooser.get_text()
    assert "Tiếng Việt" in chooser.get_text()


@pytest.mark.django_db
def test_choosing_hmong_shows_the_hmong_version_and_is_remembered(
    mixed_lesson, hmong_lesson, lessons
):
    client = Client()
    response = client.get(f"/ngon-ngu/hmn/?trang={mixed_lesson.pk}")
    assert response.status_code == 302
    assert response["Location"] == hmong_lesson.url
    assert client.cookies[PREFERENCE_COOKIE].value == "hmn"
    # Remembered: the Vietnamese address now leads to the Hmông version.
    response = client.get(mixed_lesson.url)
    assert response.status_code == 302
    assert response["Location"] == hmong_lesson.url
    # A lesson without a Hmông version says so, in Vietnamese.
    response = client.get(lessons[1].url)
    assert response.status_code == 200
    notice = BeautifulSoup(response.content, "html.parser").select_one(".notice")
    assert "chưa có bản Lus Hmoob" in notice.get_text()
    # Choosing Vietnamese goes back to the Vietnamese page and stays there.
    response = client.get(f"/ngon-ngu/vi/?trang={hmong_lesson.pk}")
    assert response["Location"] == mixed_lesson.url
    assert client.get(mixed_lesson.url).status_code == 200


@pytest.mark.django_db
def test_the_language_switch_shows_no_draft_or_private_address(
    client, mixed_lesson, hmong_lesson
):
    """Choosing Vietnamese on a Hmông lesson whose Vietnamese page was withdrawn
    stays on the Hmông page; once the Vietnamese page is private, so is its
    translation (cms.page_access): neither address is shown, nor is a broken
    link's."""
    from wagtail.models import PageViewRestriction

    mixed_lesson.unpublish()
    response = client.get(f"/ngon-ngu/vi/?trang={hmong_lesson.pk}")
    assert response["Location"] == hmong_lesson.url
    mixed_lesson.save_revision().publish()
    PageViewRestriction.objects.create(
        page=mixed_lesson, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(f"/ngon-ngu/vi/?trang={hmong_lesson.pk}")
    assert response["Location"] == "/"
    assert client.get(hmong_lesson.url).status_code == 302  # to sign in
    assert client.get("/ngon-ngu/vi/?trang=abc")["Location"] == "/"


@pytest.mark.django_db
def test_preference_survives_sign_in(resident, mixed_lesson, hmong_lesson):
    phone_one = Client()
    phone_one.get(f"/ngon-ngu/hmn/?trang={mixed_lesson.pk}")
    response = phone_one.post(
        "/dang-nhap/", {"username": resident.phone, "password": "mat-khau-1"}
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.content_language == "hmn"
    # Another phone, no cookie: the choice came with the person.
    phone_two = Client()
    phone_two.force_login(resident)
    response = phone_two.get(mixed_lesson.url)
    assert response["Location"] == hmong_lesson.url


@pytest.mark.django_db
def test_signed_in_choice_is_stored_with_the_person(resident, mixed_lesson):
    """The chooser a signed-in person sees is a form; choosing saves the choice."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)
    page = BeautifulSoup(client.get(mixed_lesson.url).content, "html.parser")
    form = page.select_one('.language-chooser form:has(button[lang="tyz"])')
    assert form["method"] == "post"
    assert form["action"] == f"/ngon-ngu/tyz/?trang={mixed_lesson.pk}"
    token = form.select_one("input[name=csrfmiddlewaretoken]")["value"]
    response = client.post(form["action"], {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.content_language == "tyz"


@pytest.mark.django_db
def test_a_link_from_another_site_does_not_change_the_saved_choice(
    resident, mixed_lesson, hmong_lesson
):
    """GET /ngon-ngu/hmn/ (an <img> on another site, say) changes nothing saved;
    a POST without this site's CSRF token is refused."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)
    before = resident.content_language
    response = client.get(f"/ngon-ngu/hmn/?trang={mixed_lesson.pk}")
    assert response.status_code == 302
    assert response["Location"] == hmong_lesson.url  # the link still works
    resident.refresh_from_db()
    assert resident.content_language == before
    response = client.post(f"/ngon-ngu/hmn/?trang={mixed_lesson.pk}")
    assert response.status_code == 403
    resident.refresh_from_db()
    assert resident.content_language == before


@pytest.mark.django_db
def test_anonymous_visitors_get_links(mixed_lesson, hmong_lesson):
    """No form (its token would be cached for everyone): plain links."""
    page = BeautifulSoup(Client().get(mixed_lesson.url).content, "html.parser")
    chooser = page.select_one(".language-chooser")
    assert not chooser.select("form")
    assert chooser.select_one('a[lang="hmn"]')["href"] == (
        f"/ngon-ngu/hmn/?trang={mixed_lesson.pk}"
    )


@pytest.mark.django_db
def test_a_language_cookie_does_not_poison_the_page_cache(
    settings, lessons, hmong_lesson
):
    settings.PAGE_CACHE_SECONDS = 600
    untranslated = lessons[1]
    first_visitor = Client()
    first_visitor.get(f"/ngon-ngu/hmn/?trang={untranslated.pk}")
    with_cookie = first_visitor.get(untranslated.url)
    assert "chưa có bản Lus Hmoob" in with_cookie.content.decode()
    plain = Client().get(untranslated.url)
    assert plain[HIT_HEADER] == "miss"
    assert "chưa có bản" not in plain.content.decode()
    again = Client().get(untranslated.url)
    assert again[HIT_HEADER] == "hit"
    assert "chưa có bản" not in again.content.decode()
    # And the cookie-less copy is not served to someone who chose Hmông.
    assert (
        "chưa có bản Lus Hmoob" in first_visitor.get(untranslated.url).content.decode()
    )


@pytest.mark.django_db
def test_progress_on_both_versions_counts_once(
    resident, enrolled, mixed_lesson, hmong_lesson
):
    spend_time(resident, mixed_lesson, 60)
    spend_time(resident, hmong_lesson, 60)
    progress = LessonProgress.objects.get(learner=resident, lesson=mixed_lesson)
    assert progress.seconds_spent == 120
    read_lesson(resident, hmong_lesson)
    progress.refresh_from_db()
    assert progress.completed_at is not None
    assert LessonProgress.objects.filter(learner=resident).count() == 1
    assert not LessonProgress.objects.filter(lesson=hmong_lesson).exists()


@pytest.mark.django_db
def test_enrolling_from_a_translated_course_enrols_in_the_source(
    resident, course, hmong_lesson
):
    hmong_course = hmong_lesson.get_parent().specific
    assert hmong_course.pk != course.pk
    result = enrol(learner=resident, course=hmong_course)
    assert result.enrolment.course_id == course.pk
    assert not enrol(learner=resident, course=course).created
    assert Enrolment.objects.filter(learner=resident).count() == 1


@pytest.mark.django_db
def test_hmong_lesson_page_tracks_the_vietnamese_lesson(
    resident, enrolled, mixed_lesson, hmong_lesson
):
    client = Client()
    client.force_login(resident)
    html = client.get(hmong_lesson.url).content.decode()
    tracking = re.search(r'data-lms-tracking data-lesson="(\d+)"', html)
    assert int(tracking.group(1)) == mixed_lesson.pk


@pytest.mark.django_db
def test_course_page_lists_every_lesson_in_its_language(course, lessons, hmong_lesson):
    hmong_course = hmong_lesson.get_parent().specific
    html = Client().get(hmong_course.url).content.decode()
    links = BeautifulSoup(html, "html.parser").select("ol.lessons a")
    hrefs = [link["href"] for link in links]
    assert hmong_lesson.url in hrefs
    assert lessons[1].url in hrefs  # untranslated: the Vietnamese lesson
    assert len(hrefs) == len(lessons) + 1


@pytest.mark.django_db
def test_search_finds_the_hmong_page(hmong_lesson):
    assert hmong_lesson.pk in [page.pk for page in search_pages("cog yub me")]
    html = Client().get("/search/", {"q": "cog yub me"}).content.decode()
    assert hmong_lesson.url in html


@pytest.mark.django_db
def test_api_finds_the_hmong_page(hmong_lesson):
    response = Client().get(
        "/api/v2/pages/", {"search": "yub", "type": "cms.LessonPage"}
    )
    assert response.status_code == 200
    ids = [item["id"] for item in response.json()["items"]]
    assert hmong_lesson.pk in ids
    detail = Client().get(f"/api/v2/pages/{hmong_lesson.pk}/").json()
    assert detail["meta"]["locale"] == "hmn"

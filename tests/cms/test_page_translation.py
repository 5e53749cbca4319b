"""Staff translate a lesson in the admin, in Vietnamese, within their own place."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale

from cms.models import CentrePage, LessonPage
from cms.place_rights import sync_place_groups

from .staff_admin import build_centre


@pytest.fixture
def world(home_page, commune):
    return build_centre(home_page, commune)


@pytest.fixture
def far_world(home_page, other_commune):
    return build_centre(home_page, other_commune, phone="0912000003", slug="tt-hk")


@pytest.fixture
def hmong():
    return Locale.objects.get(language_code="hmn")


def refused(response) -> bool:
    """Wagtail's admin answers a refusal by sending the person to its dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def translate_url(page):
    return reverse("simple_translation:submit_page_translation", args=[page.pk])


def test_translate_answers_at_wagtails_address_in_vietnamese(client, world):
    client.force_login(world.staff)
    response = client.get(translate_url(world.lesson))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    text = soup.get_text(" ")
    assert "Dịch trang" in text
    assert "Tiếng Hmông (Lus Hmoob)" in text
    assert "Translate" not in text
    # Every language is offered, though the course is not translated yet.
    assert not soup.select("input[name=locales][disabled]")


def test_staff_translate_a_lesson_and_what_it_needs_above_it(client, world, hmong):
    client.force_login(world.staff)
    response = client.post(translate_url(world.lesson), {"locales": [hmong.pk]})
    translation = LessonPage.objects.get(
        translation_key=world.lesson.translation_key, locale=hmong
    )
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailadmin_pages:edit", args=[translation.pk]
    )
    course = translation.get_parent()
    assert course.alias_of_id == world.course.pk
    assert CentrePage.objects.filter(centre=world.centre, locale=hmong).exists()
    # The translation is theirs to edit, as the Vietnamese lesson is.
    assert world.staff.has_perm("cms.change_page", translation)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk]))
    assert edit.status_code == 200
    explorer = client.get(reverse("wagtailadmin_explore", args=[course.pk]))
    assert explorer.status_code == 200
    assert translation.title in explorer.content.decode()
    sync_place_groups()  # a later sync keeps the rights on every language's page
    assert world.staff.has_perm("cms.change_page", translation)


def test_another_communes_staff_can_neither_translate_nor_edit(
    client, world, far_world, hmong
):
    client.force_login(far_world.staff)
    assert refused(client.get(translate_url(world.lesson)))
    assert refused(client.post(translate_url(world.lesson), {"locales": [hmong.pk]}))
    assert world.lesson.get_translation_or_none(hmong) is None
    translation = world.lesson.copy_for_translation(hmong, copy_parents=True)
    assert not far_world.staff.has_perm("cms.change_page", translation)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk]))
    assert refused(edit)
    assert world.staff.has_perm("cms.change_page", translation)

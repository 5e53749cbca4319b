"""Once a centre has a Hmông page, its staff still start at their centre in
Vietnamese: sidebar, dashboard and explorer, with the translation one step away in
the language switcher, and no right widened."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry

from accounts.roles import Role, group_for
from cms.models import CentrePage, LessonPage

from .conftest import make_staff
from .staff_admin import build_centre


@pytest.fixture
def hmong(db):
    return Locale.objects.get(language_code="hmn")


def translate(world, locale):
    """The lesson in Hmông, with what it needs above it (as the "Dịch" button)."""
    CopyPageForTranslationAction(
        page=world.lesson, locale=locale, copy_parents=True, user=world.staff
    ).execute(skip_permission_checks=True)
    return LessonPage.objects.get(
        translation_key=world.lesson.translation_key, locale=locale
    )


@pytest.fixture
def world(home_page, commune, hmong):
    world = build_centre(home_page, commune)
    world.hmong_lesson = translate(world, hmong)
    world.hmong_centre = CentrePage.objects.get(centre=world.centre, locale=hmong)
    return world


@pytest.fixture
def far_world(home_page, other_commune, hmong):
    far = build_centre(home_page, other_commune, phone="0912000003", slug="tt-hk")
    translate(far, hmong)
    return far


def fresh(user):
    """The person as the next request loads them (no rights kept in memory)."""
    return get_user_model().objects.get(pk=user.pk)


def person(phone, role, commune):
    user = make_staff(phone, commune=commune)
    user.groups.add(group_for(role))
    return user


def sidebar_start(client) -> int | None:
    """The page the sidebar's "Trang" opens at, as the admin's JavaScript reads it."""
    soup = BeautifulSoup(
        client.get(reverse("wagtailadmin_home")).content, "html.parser"
    )
    props = json.loads(soup.select_one("#wagtail-sidebar-props").string)

    def find(node):
        if isinstance(node, dict):
            if node.get("_type") == "wagtail.sidebar.PageExplorerMenuItem":
                return node["_args"]
            node = list(node.values())
        if isinstance(node, list):
            for child in node:
                if (found := find(child)) is not None:
                    return found
        return None

    args = find(props)
    return args[1] if args else None


def listed(client, page) -> list[int]:
    """The pages the explorer lists under `page` (ids of their rows)."""
    response = client.get(reverse("wagtailadmin_explore", args=[page.pk]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = soup.select("input[data-bulk-action-checkbox][data-object-id]")
    return [int(box["data-object-id"]) for box in rows]


def test_wagtails_own_root_is_the_tree_root_once_translated(world):
    """The case this fixes: Wagtail's start for the staff becomes "Gốc" (rights on
    the centre page in two languages), and stays so: nothing is widened."""
    policy = policy_registry.get_by_type(Page)
    assert policy.explorable_root_instance(fresh(world.staff)).is_root()


@pytest.mark.parametrize(
    "role", [Role.CENTRE_STAFF, Role.COMMUNE_OFFICER, Role.PROVINCE_OFFICER]
)
def test_each_role_of_the_place_starts_at_the_vietnamese_centre(
    client, world, commune, role
):
    user = (
        world.staff
        if role == Role.CENTRE_STAFF
        else person("0912000009", role, commune)
    )
    client.force_login(user)
    assert sidebar_start(client) == world.centre_page.pk
    dashboard = BeautifulSoup(
        client.get(reverse("wagtailadmin_home")).content, "html.parser"
    )
    pages_link = dashboard.select_one(
        f"a[href='{reverse('wagtailadmin_explore', args=[world.centre_page.pk])}']"
    )
    # The centre, its course list, the course and the lesson: not the whole tree.
    assert " ".join(pages_link.get_text().split()).startswith("4 trang")


def test_above_the_start_only_the_way_down_is_listed(client, world, far_world):
    client.force_login(world.staff)
    vietnamese_home = world.centre_page.get_parent()
    assert listed(client, Page.get_first_root_node()) == [vietnamese_home.pk]
    assert listed(client, vietnamese_home) == [world.centre_page.pk]


def test_the_translation_is_one_step_away_in_the_language_switcher(client, world):
    client.force_login(world.staff)
    explore = client.get(reverse("wagtailadmin_explore", args=[world.centre_page.pk]))
    soup = BeautifulSoup(explore.content, "html.parser")
    hmong_url = reverse("wagtailadmin_explore", args=[world.hmong_centre.pk])
    switch = soup.select_one(f"a[href='{hmong_url}']")
    assert "Lus Hmoob" in switch.get_text()
    # Followed, it lists the Hmông centre's pages, down to the translated lesson.
    hmong_course = world.hmong_lesson.get_parent()
    assert listed(client, world.hmong_centre) == [hmong_course.get_parent().pk]
    assert listed(client, hmong_course) == [world.hmong_lesson.pk]
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[world.hmong_lesson.pk]))
    assert edit.status_code == 200


def test_the_sidebar_explorer_offers_the_translation(client, world):
    """The sidebar's page panel asks the admin API for the start page's
    translations to fill its language menu."""
    client.force_login(world.staff)
    response = client.get(
        "/admin/api/main/pages/",
        {"translation_of": world.centre_page.pk, "fields": "parent"},
    )
    assert [item["id"] for item in response.json()["items"]] == [world.hmong_centre.pk]


def test_another_communes_staff_see_nothing_of_this_centre(client, world, far_world):
    """Both centres translated: each staff's start, listings and rights stay their
    own centre's (Wagtail opens any page's explorer under its root, listing none
    of its pages to them)."""
    client.force_login(far_world.staff)
    assert sidebar_start(client) == far_world.centre_page.pk
    vietnamese_home = world.centre_page.get_parent()
    assert listed(client, vietnamese_home) == [far_world.centre_page.pk]
    for page in (
        world.centre_page,
        world.hmong_centre,
        world.hmong_lesson.get_parent(),
    ):
        assert listed(client, page) == []
    for page in (world.lesson, world.hmong_lesson):
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert edit.status_code in (302, 403)
    children = client.get(
        "/admin/api/main/pages/",
        {"child_of": vietnamese_home.pk, "for_explorer": 1},
    ).json()["items"]
    assert [item["id"] for item in children] == [far_world.centre_page.pk]
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert world.centre_page.title not in dashboard


def test_without_a_translation_the_start_is_as_before(client, home_page, commune):
    plain = build_centre(home_page, commune)
    client.force_login(plain.staff)
    assert sidebar_start(client) == plain.centre_page.pk


def test_the_admin_still_starts_at_the_root_with_every_language(client, world):
    admin = get_user_model().objects.create_superuser(
        username="quantri", password="mat-khau-1", full_name="Quản trị"
    )
    client.force_login(admin)
    assert sidebar_start(client) == Page.get_first_root_node().pk
    homes = set(listed(client, Page.get_first_root_node()))
    assert homes == {
        world.centre_page.get_parent().pk,
        world.hmong_centre.get_parent().pk,
    }

"""Who may open which report: each officer sees only their own area."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from cms.models import Commune

DASHBOARD = reverse("reports:dashboard")


@pytest.fixture
def commune_officer(make_officer, commune):
    return make_officer(Role.COMMUNE_OFFICER, commune)


def test_anonymous_is_sent_to_sign_in(client, db):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")


def test_resident_without_role_gets_403(client, resident):
    client.force_login(resident)
    assert client.get(DASHBOARD).status_code == 403


def test_commune_officer_sees_own_commune(client, commune_officer, commune):
    client.force_login(commune_officer)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert response.context["area"].commune == commune
    assert client.get(DASHBOARD, {"commune": commune.code}).status_code == 200


@pytest.mark.parametrize(
    "url",
    [reverse("reports:dashboard"), reverse("reports:print")]
    + [reverse("reports:export", args=[f]) for f in ("xlsx", "csv")],
)
def test_commune_officer_gets_403_for_other_areas(
    client, commune_officer, other_commune, neighbour_commune, commune, url
):
    client.force_login(commune_officer)
    assert client.get(url, {"commune": other_commune.code}).status_code == 403
    assert client.get(url, {"commune": neighbour_commune.code}).status_code == 403
    assert client.get(url, {"province": commune.province.code}).status_code == 403
    assert client.get(url, {"area": f"commune:{other_commune.code}"}).status_code == (
        403
    )


def test_centre_staff_see_their_centre_commune(client, make_officer, commune):
    client.force_login(make_officer(Role.CENTRE_STAFF, commune))
    response = client.get(DASHBOARD)
    assert response.context["area"].commune == commune


def test_province_officer_sees_province_and_its_communes(
    client, make_officer, commune, neighbour_commune, other_commune
):
    client.force_login(make_officer(Role.PROVINCE_OFFICER, commune))
    response = client.get(DASHBOARD)
    assert response.context["area"].province == commune.province
    assert response.context["area"].commune is None
    picked = client.get(DASHBOARD, {"area": f"commune:{neighbour_commune.code}"})
    assert picked.context["area"].commune == neighbour_commune
    assert client.get(DASHBOARD, {"commune": other_commune.code}).status_code == 403
    assert (
        client.get(DASHBOARD, {"province": other_commune.province.code}).status_code
        == 403
    )


def test_superuser_sees_the_whole_platform_and_any_area(client, make_officer, commune):
    admin = make_officer(None, commune, is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get(DASHBOARD).context["area"].level == "platform"
    assert client.get(DASHBOARD, {"commune": "00070"}).status_code == 200


def test_unknown_code_is_404_with_a_message(client, make_officer, commune):
    client.force_login(make_officer(Role.PROVINCE_OFFICER, commune))
    response = client.get(DASHBOARD, {"commune": "99999"})
    assert response.status_code == 404


def test_bad_year_falls_back_with_a_vietnamese_message(client, commune_officer):
    client.force_login(commune_officer)
    response = client.get(DASHBOARD, {"year": "hai nghìn"}, follow=True)
    assert response.status_code == 200
    assert "Năm phải là một số" in response.content.decode()


def test_dashboard_and_print_render(client, commune_officer, commune):
    client.force_login(commune_officer)
    html = client.get(DASHBOARD, {"year": 2026}).content.decode()
    assert 'role="img"' in html
    printed = client.get(reverse("reports:print"), {"year": 2026}).content.decode()
    assert "@page" not in printed  # print CSS lives in the stylesheet
    assert "print.css" in printed
    assert Commune.objects.get(pk=commune.pk).name in printed

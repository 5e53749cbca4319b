"""Forgotten passwords: the centre gives a temporary one, changed at next sign-in."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from accounts.roles import Role, group_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("centre")]


def give_temporary_password(staff, login):
    client = Client()
    client.force_login(staff)
    return client.post("/quan-ly/mat-khau-tam/", {"login": login})


def shown_password(response) -> str:
    html = response.content.decode()
    return re.search(r"data-temporary-password>(\d{8})<", html).group(1)


def test_sign_in_page_tells_where_to_get_a_new_password(db):
    assert "/quen-mat-khau/" in Client().get("/dang-nhap/").content.decode()
    html = Client().get("/quen-mat-khau/").content.decode()
    assert "trung tâm học tập cộng đồng" in html
    assert "mật khẩu tạm" in html


def test_staff_give_a_resident_a_temporary_password(staff, resident):
    """The password is shown once, not cached; the old one stops working."""
    response = give_temporary_password(staff, "0912 345 678")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    password = shown_password(response)
    resident.refresh_from_db()
    assert resident.password_is_temporary
    assert resident.check_password(password)
    assert not resident.check_password("mat-khau-1")


def test_temporary_password_must_be_replaced_at_sign_in(staff, resident):
    password = shown_password(give_temporary_password(staff, resident.phone))
    client = Client()
    response = client.post(
        "/dang-nhap/", {"username": resident.phone, "password": password}
    )
    assert response["Location"] == "/doi-mat-khau/"
    # Until it is replaced, every page leads back to the change (issue 12).
    assert client.get("/hoc-tap-cua-toi/")["Location"] == "/doi-mat-khau/"
    page = client.get("/doi-mat-khau/").content.decode()
    assert "mật khẩu tạm" in page
    assert 'name="old_password"' not in page  # they just typed it
    response = client.post(
        "/doi-mat-khau/",
        {"new_password1": "nui-cao-suoi-sau", "new_password2": "nui-cao-suoi-sau"},
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert not resident.password_is_temporary
    assert resident.check_password("nui-cao-suoi-sau")
    page = client.get("/hoc-tap-cua-toi/")  # still signed in, no reminder
    assert page.status_code == 200 and "mật khẩu tạm" not in page.content.decode()


def test_own_password_change_asks_for_the_old_one(resident):
    client = Client()
    client.force_login(resident)
    response = client.post(
        "/doi-mat-khau/",
        {
            "old_password": "sai",
            "new_password1": "nui-cao-suoi-sau",
            "new_password2": "nui-cao-suoi-sau",
        },
    )
    assert response.status_code == 200
    resident.refresh_from_db()
    assert resident.check_password("mat-khau-1")


def test_staff_reach_only_residents_of_their_commune(staff, resident, other_commune):
    """Other communes' residents, staff and admins are out of reach, unchanged."""
    outsider = get_user_model().objects.create_user(
        phone="0933000111", password="mat-khau-x", commune=other_commune
    )
    colleague = get_user_model().objects.create_user(
        phone="0933000222", password="mat-khau-y", commune=resident.commune
    )
    colleague.groups.add(group_for(Role.COMMUNE_OFFICER))
    admin = get_user_model().objects.create_user(
        phone="0933000333",
        password="mat-khau-z",
        commune=resident.commune,
        is_staff=True,
    )
    for person, password in (
        (outsider, "mat-khau-x"),
        (colleague, "mat-khau-y"),
        (admin, "mat-khau-z"),
    ):
        response = give_temporary_password(staff, person.phone)
        assert "Không có người dân nào của xã" in response.content.decode()
        person.refresh_from_db()
        assert person.check_password(password) and not person.password_is_temporary


def test_residents_cannot_give_temporary_passwords(resident, other_resident):
    response = give_temporary_password(resident, other_resident.phone)
    assert response.status_code == 403
    other_resident.refresh_from_db()
    assert other_resident.check_password("mat-khau-2")

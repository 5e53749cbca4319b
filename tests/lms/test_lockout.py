"""Sign-in lockout: repeated failures lock an account and an address for a while."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.test import Client, RequestFactory

from lms.lockout import canonical_login, client_address

pytestmark = pytest.mark.django_db

LOGIN_PAGES = ["/dang-nhap/", "/admin/login/", "/django-admin/login/"]


def sign_in(login, password, *, address="10.0.0.1", page="/dang-nhap/", client=None):
    return (client or Client()).post(
        page, {"username": login, "password": password}, REMOTE_ADDR=address
    )


def text_of(response) -> str:
    return response.content.decode()


def assert_locked_out(response, *, minutes=15):
    """The site's own sign-in page, in Vietnamese, says when and who can help."""
    assert response.status_code == 429
    html = text_of(response)
    assert '<html lang="vi">' in html and "<footer" in html
    assert "data-locked-out" in html
    assert f"thử lại sau {minutes} phút" in html
    assert "trung tâm học tập cộng đồng" in html and "mật khẩu tạm" in html


def move_failures_back(minutes: int) -> None:
    AccessAttempt.objects.update(
        attempt_time=F("attempt_time") - timedelta(minutes=minutes)
    )


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("0912 345 678", "0912345678"),
        ("+84 912.345.678", "0912345678"),
        (" Hoa@Example.VN ", "hoa@example.vn"),
        ("CanBo.TaVan", "canbo.tavan"),
        ("12345", "12345"),
    ],
)
def test_one_account_however_the_login_is_typed(typed, canonical):
    assert canonical_login(typed) == canonical


def test_account_locks_after_five_failures_even_from_different_addresses(resident):
    """Phone typed five ways from five addresses: one account, locked at the fifth."""
    typings = ["0912345678", "0912 345 678", "0912.345.678", "+84912345678"]
    for n, typed in enumerate(typings):
        response = sign_in(typed, "sai-mat-khau", address=f"10.0.1.{n}")
        assert response.status_code == 200
        assert "không đúng" in text_of(response)
    assert_locked_out(sign_in("84 912 345 678", "sai-mat-khau", address="10.0.1.9"))
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {
        "0912345678"
    }
    # Now even the right password is refused, from anywhere, and nobody is signed in.
    client = Client()
    assert_locked_out(sign_in("0912345678", "mat-khau-1", client=client))
    assert "_auth_user_id" not in client.session


def test_address_locks_across_accounts(resident):
    """Twenty failures from one address on twenty accounts lock the address only."""
    for n in range(19):
        assert sign_in(f"09770000{n:02d}", "sai", address="10.0.2.1").status_code == 200
    assert_locked_out(sign_in("0977000099", "sai", address="10.0.2.1"))
    assert_locked_out(sign_in(resident.phone, "mat-khau-1", address="10.0.2.1"))
    # The same person from another address is not affected.
    assert sign_in(resident.phone, "mat-khau-1", address="10.0.2.2").status_code == 302


@pytest.mark.parametrize("page", LOGIN_PAGES[1:])
def test_admin_sign_in_pages_are_covered(resident, page):
    resident.is_staff = resident.is_superuser = True
    resident.save()
    for _ in range(4):
        assert sign_in(resident.phone, "sai", page=page).status_code == 200
    assert_locked_out(sign_in(resident.phone, "sai", page=page))
    assert_locked_out(sign_in(resident.phone, "mat-khau-1", page=page))


def test_failures_count_across_the_sign_in_pages(resident):
    for page in [*LOGIN_PAGES, *LOGIN_PAGES[:1]]:
        sign_in(resident.phone, "sai", page=page)
    assert_locked_out(sign_in(resident.phone, "sai", page="/admin/login/"))


def test_lock_ends_after_the_cool_off(resident):
    for _ in range(5):
        sign_in(resident.phone, "sai")
    move_failures_back(10)
    # Trying again during the lock neither succeeds nor restarts the clock.
    assert_locked_out(sign_in(resident.phone, "mat-khau-1"), minutes=5)
    assert_locked_out(sign_in(resident.phone, "sai"), minutes=5)
    move_failures_back(5)
    response = sign_in(resident.phone, "mat-khau-1")
    assert response.status_code == 302


def test_shorter_cool_off_from_settings(resident, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=2)
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(2):
        assert sign_in(resident.phone, "sai").status_code == 200
    assert_locked_out(sign_in(resident.phone, "sai"), minutes=2)
    move_failures_back(2)
    assert sign_in(resident.phone, "mat-khau-1").status_code == 302


def test_a_sign_in_forgives_only_ones_own_typos_from_that_address(
    resident, other_resident
):
    """Failures from elsewhere, or against another account, stay counted."""
    guesser, home = "10.0.3.66", "10.0.3.1"
    for _ in range(3):
        sign_in(resident.phone, "doan-thu", address=guesser)
    # The guesser signs in to another account from the same address: nothing reset.
    assert (
        sign_in(other_resident.phone, "mat-khau-2", address=guesser).status_code == 302
    )
    sign_in(resident.phone, "go-nham", address=home)
    assert sign_in(resident.phone, "mat-khau-1", address=home).status_code == 302
    # The owner's typo is forgiven, the guesser's three failures are not: 4, then 5.
    assert sign_in(resident.phone, "doan-thu", address=guesser).status_code == 200
    assert_locked_out(sign_in(resident.phone, "doan-thu", address=guesser))


def test_a_temporary_password_from_the_centre_lifts_the_lock(centre, staff, resident):
    for _ in range(5):
        sign_in("0912 345 678", "sai")
    client = Client()
    client.force_login(staff)
    html = text_of(client.post("/quan-ly/mat-khau-tam/", {"login": resident.phone}))
    password = html.split("data-temporary-password>")[1][:8]
    response = sign_in("0912 345 678", password)
    assert response.status_code == 302
    assert response["Location"] == "/doi-mat-khau/"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.1.1.1", "10.9.9.9"),  # no proxy trusted: the header is the client's
        (1, "6.6.6.6, 1.1.1.1", "1.1.1.1"),  # what our proxy saw, not what was sent
        (2, "6.6.6.6, 1.1.1.1, 10.0.0.2", "1.1.1.1"),
        (1, "", "10.9.9.9"),
    ],
)
def test_address_behind_trusted_proxies(settings, proxies, forwarded, expected):
    settings.SIGNIN_PROXY_COUNT = proxies
    request = RequestFactory().post(
        "/dang-nhap/", REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR=forwarded
    )
    assert client_address(request) == expected

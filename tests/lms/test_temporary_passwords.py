"""Temporary passwords expire after a day and must be changed before anything else."""

from datetime import timedelta

import pytest
from django.contrib.auth import authenticate
from django.test import Client, RequestFactory
from django.utils import timezone
from rest_framework.authtoken.models import Token

from lms.services.passwords import give_temporary_password, temporary_password_expired

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("centre")]

EXPIRED = "Mật khẩu tạm do trung tâm cấp đã hết hạn"
CHANGE_FIRST = (
    "Bạn đã đăng nhập bằng mật khẩu tạm do trung tâm cấp. "
    "Vui lòng đặt mật khẩu của riêng bạn trước."
)


@pytest.fixture
def temporary(staff, resident):
    """The temporary password the centre gave the resident."""
    return give_temporary_password(staff=staff, person=resident)


def given_hours_ago(person, hours):
    person.temporary_password_issued_at = timezone.now() - timedelta(hours=hours)
    person.save(update_fields=["temporary_password_issued_at"])


def sign_in(client, person, password):
    return client.post("/dang-nhap/", {"username": person.phone, "password": password})


def test_issue_time_is_kept_and_cleared_on_change(resident, temporary):
    resident.refresh_from_db()
    assert resident.temporary_password_issued_at is not None
    client = Client()
    sign_in(client, resident, temporary)
    client.post(
        "/doi-mat-khau/",
        {"new_password1": "nui-cao-suoi-sau", "new_password2": "nui-cao-suoi-sau"},
    )
    resident.refresh_from_db()
    assert not resident.password_is_temporary
    assert resident.temporary_password_issued_at is None
    assert not temporary_password_expired(resident)


def test_works_within_the_day(resident, temporary):
    given_hours_ago(resident, 23)
    response = sign_in(Client(), resident, temporary)
    assert response.status_code == 302 and response["Location"] == "/doi-mat-khau/"


def test_refused_after_a_day_with_a_vietnamese_message(resident, temporary):
    given_hours_ago(resident, 24)
    client = Client()
    response = sign_in(client, resident, temporary)
    assert response.status_code == 200
    html = response.content.decode()
    assert EXPIRED in html and "nhờ trung tâm cấp một mật khẩu tạm mới" in html
    assert "_auth_user_id" not in client.session
    # Refused by every entry point, not only the site's page.
    request = RequestFactory().post("/admin/login/")
    assert authenticate(request, username=resident.phone, password=temporary) is None


def test_a_wrong_password_is_not_called_expired(resident, temporary):
    given_hours_ago(resident, 48)
    html = sign_in(Client(), resident, "00000000").content.decode()
    assert EXPIRED not in html and "không đúng" in html


def test_lifetime_from_settings(resident, temporary, settings):
    settings.TEMPORARY_PASSWORD_HOURS = 1
    given_hours_ago(resident, 2)
    assert EXPIRED in sign_in(Client(), resident, temporary).content.decode()


def test_a_new_temporary_password_starts_a_new_day(staff, resident, temporary):
    given_hours_ago(resident, 30)
    password = give_temporary_password(staff=staff, person=resident)
    assert sign_in(Client(), resident, password).status_code == 302


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/hoc-tap-cua-toi/",
        "/hoc-tap-cua-toi/du-lieu.json",
        "/quan-ly/",
        "/bao-cao/",
        "/admin/",
        "/django-admin/",
        "/dang-nhap/",
    ],
)
def test_every_page_leads_to_the_change_first(resident, temporary, path):
    client = Client()
    sign_in(client, resident, temporary)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/doi-mat-khau/"
    assert client.post(path)["Location"] == "/doi-mat-khau/"


def test_the_api_answers_in_vietnamese_json(resident, temporary, course):
    client = Client()
    sign_in(client, resident, temporary)
    for response in (
        client.get("/api/lms/me/"),
        client.post("/api/lms/enrolments/", {"course": course.pk}, "application/json"),
    ):
        assert response.status_code == 403
        assert response.json() == {"detail": CHANGE_FIRST}
    assert not resident.enrolments.exists()


def test_an_app_token_is_held_back_too(resident, temporary):
    token = Token.objects.create(user=resident)
    response = Client().get("/api/lms/me/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 403
    assert response.json() == {"detail": CHANGE_FIRST}


def test_what_stays_open(resident, temporary):
    """The change page, sign-out, static files and the health check."""
    client = Client()
    sign_in(client, resident, temporary)
    assert client.get("/doi-mat-khau/").status_code == 200
    assert client.get("/static/lms/css/lms.css").status_code == 200
    assert client.get("/health/")["Content-Type"].startswith("application/json")
    assert client.post("/dang-xuat/")["Location"] == "/"
    assert client.get("/hoc-tap-cua-toi/")["Location"].startswith("/dang-nhap/")


def test_after_the_change_everything_opens(resident, temporary):
    client = Client()
    sign_in(client, resident, temporary)
    client.post(
        "/doi-mat-khau/",
        {"new_password1": "nui-cao-suoi-sau", "new_password2": "nui-cao-suoi-sau"},
    )
    assert client.get("/hoc-tap-cua-toi/").status_code == 200
    assert client.get("/api/lms/me/").status_code == 200

"""Password rules: not one's phone or name, and every message in Vietnamese."""

import html as html_lib
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from lms.services.passwords import give_temporary_password

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("centre")]

ENGLISH = re.compile(
    r"\b(password|must|your|too|the|this|characters?|similar|common|match)\b", re.I
)
# What a Vietnamese sentence has and an English one does not.
VIETNAMESE = re.compile(
    r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]", re.I
)


def errors_of(response) -> list[str]:
    found = re.findall(r'class="lms-error"[^>]*>(.*?)</p>', response.content.decode())
    return [html_lib.unescape(text) for text in found]


def help_of(response) -> list[str]:
    found = re.findall(r"<li>(.*?)</li>", response.content.decode())
    return [html_lib.unescape(text) for text in found]


def assert_vietnamese(texts: list[str]) -> None:
    assert texts
    for text in texts:
        assert VIETNAMESE.search(text), text
        assert not ENGLISH.search(text), text


@pytest.mark.parametrize(
    "password",
    [
        "0912345678",
        "0912 345 678",
        "0912.345.678",
        "+84 912 345 678",
        "84912345678",
        "Nguyễn Thị Hoa",
        "nguyenthihoa",
        "NGUYEN THI HOA",
        "hoa@example.vn",
    ],
)
def test_phone_name_or_email_refused(resident, password):
    resident.email = "hoa@example.vn"
    with pytest.raises(ValidationError) as error:
        validate_password(password, resident)
    assert "password_too_similar" in {e.code for e in error.value.error_list}


@pytest.mark.parametrize("password", ["nui-cao-suoi-sau", "hoa-ban-tay-bac-2026"])
def test_other_passwords_accepted(resident, password):
    validate_password(password, resident)


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("abc1", "Mật khẩu này quá ngắn. Mật khẩu phải có ít nhất 8 ký tự."),
        ("password", "Mật khẩu này quá phổ biến."),
        ("0912345678", "Mật khẩu quá giống với số điện thoại."),
        ("Nguyễn Thị Hoa", "Mật khẩu quá giống với họ và tên."),
    ],
)
def test_every_rule_speaks_vietnamese(resident, password, expected):
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        validate_password(password, resident)
    assert expected in error.value.messages
    assert_vietnamese(error.value.messages)


def sign_up(commune, password, **changes):
    return Client().post(
        "/dang-ky/",
        {
            "full_name": "Giàng A Páo",
            "login": "0977 111 222",
            "password": password,
            "password_again": password,
            "commune_query": "Tả Van",
            "commune_code": commune.code,
            "consent": "on",
            **changes,
        },
    )


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("0977111222", "Mật khẩu quá giống với số điện thoại."),
        ("0977 111 222", "Mật khẩu quá giống với số điện thoại."),
        ("Giang A Pao", "Mật khẩu quá giống với họ và tên."),
        ("abc1", "Mật khẩu này quá ngắn. Mật khẩu phải có ít nhất 8 ký tự."),
        ("12345678", "Mật khẩu này quá phổ biến."),
    ],
)
def test_sign_up_refuses_in_vietnamese(commune, password, expected):
    """On sign-up the account does not exist yet: the form's phone and name count."""
    response = sign_up(commune, password)
    assert response.status_code == 200
    assert expected in errors_of(response)
    assert_vietnamese(errors_of(response))
    assert not get_user_model().objects.filter(phone="0977111222").exists()


def test_sign_up_with_email_refuses_the_email(commune):
    response = sign_up(commune, "pao.giang@example.vn", login="pao.giang@example.vn")
    assert "Mật khẩu quá giống với địa chỉ email." in errors_of(response)


def change(client, new, **extra):
    return client.post(
        "/doi-mat-khau/", {"new_password1": new, "new_password2": new, **extra}
    )


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        ("0912 345 678", "Mật khẩu quá giống với số điện thoại."),
        ("nguyen thi hoa", "Mật khẩu quá giống với họ và tên."),
        ("abc1", "Mật khẩu này quá ngắn. Mật khẩu phải có ít nhất 8 ký tự."),
        ("qwertyuiop", "Mật khẩu này quá phổ biến."),
    ],
)
def test_change_password_refuses_in_vietnamese(resident, new, expected):
    client = Client()
    client.force_login(resident)
    response = change(client, new, old_password="mat-khau-1")
    assert response.status_code == 200
    assert expected in errors_of(response)
    assert_vietnamese(errors_of(response))
    resident.refresh_from_db()
    assert resident.check_password("mat-khau-1")


def test_change_password_other_mistakes_in_vietnamese(resident):
    client = Client()
    client.force_login(resident)
    wrong_old = change(client, "nui-cao-suoi-sau", old_password="sai")
    mismatch = client.post(
        "/doi-mat-khau/",
        {
            "old_password": "mat-khau-1",
            "new_password1": "nui-cao-suoi-sau",
            "new_password2": "nui-cao-suoi-cao",
        },
    )
    assert_vietnamese(errors_of(wrong_old) + errors_of(mismatch))


def test_change_password_help_lists_the_rules_in_vietnamese(resident):
    client = Client()
    client.force_login(resident)
    rules = help_of(client.get("/doi-mat-khau/"))
    assert "Mật khẩu của bạn phải chứa ít nhất 8 ký tự." in rules
    assert "Mật khẩu của bạn không được quá giống với thông tin cá nhân khác." in rules
    assert_vietnamese(rules)


def test_after_a_temporary_password_the_same_rules_hold(staff, resident):
    """The staff flow: the new password chosen after a temporary one is checked too."""
    password = give_temporary_password(staff=staff, person=resident)
    client = Client()
    client.post("/dang-nhap/", {"username": resident.phone, "password": password})
    response = change(client, "0912345678")
    assert "Mật khẩu quá giống với số điện thoại." in errors_of(response)
    assert_vietnamese(errors_of(response))
    assert_vietnamese(help_of(client.get("/doi-mat-khau/")))
    resident.refresh_from_db()
    assert resident.password_is_temporary

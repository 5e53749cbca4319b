from functools import partial

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import translation

from lms.phone import normalize_phone


def test_user_created_with_phone_number_only(db):
    user = get_user_model().objects.create_user(
        phone="+84 912 345 678", password="pw-123456"
    )
    assert user.phone == "0912345678"
    assert user.username == "0912345678"
    assert user.email == ""


def test_two_users_without_email_can_coexist(db):
    User = get_user_model()
    User.objects.create_user(phone="0912345678")
    User.objects.create_user(phone="0987654321")
    assert User.objects.filter(email="").count() == 2


@pytest.mark.parametrize("raw", ["0912.345.678", "0912-345-678", "84912345678"])
def test_phone_formats_normalise(raw):
    assert normalize_phone(raw) == "0912345678"


@pytest.mark.parametrize("raw", ["12345", "0112345678", "09123456789", "abc"])
def test_bad_phone_is_refused_with_vietnamese_message(db, raw):
    user = get_user_model()(username="x", phone=raw)
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        user.full_clean()
    message = " ".join(error.value.message_dict["phone"])
    assert "Số điện thoại không hợp lệ" in message


def test_sign_in_by_phone_in_any_format_or_email(db):
    User = get_user_model()
    User.objects.create_user(
        phone="0912345678", email="hoa@example.vn", password="pw-123456"
    )
    # django-axes, first among the backends, needs the request to count failures.
    request = RequestFactory().post("/dang-nhap/")
    sign_in = partial(authenticate, request)
    assert sign_in(username="0912 345 678", password="pw-123456") is not None
    assert sign_in(username="HOA@example.vn", password="pw-123456") is not None
    assert sign_in(username="0912345678", password="wrong") is None

"""`next` sends people only to pages of this site."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from lms.redirects import safe_next

EVIL = [
    "https://evil.example/",
    "//evil.example",
    "//evil.example/hoc-tap-cua-toi/",
    "///evil.example",
    "\\\\evil.example",
    "https:evil.example",
    "javascript:alert(1)",
    "http://testserver.evil.example/",
]


@pytest.mark.parametrize("url", EVIL)
def test_foreign_next_falls_back_to_the_default(url):
    request = RequestFactory().post("/", {"next": url})
    assert safe_next(request, "/mac-dinh/") == "/mac-dinh/"


@pytest.mark.parametrize(
    "url", ["/hoc-tap-cua-toi/", "/cong-nhan/?trang=2", "http://testserver/bao-cao/"]
)
def test_this_sites_next_is_kept(url):
    assert safe_next(RequestFactory().get("/", {"next": url}), "/x/") == url


def test_http_next_is_refused_from_an_https_page():
    request = RequestFactory().get(
        "/", {"next": "http://testserver/bao-cao/"}, secure=True
    )
    assert safe_next(request, "/x/") == "/x/"


@pytest.mark.parametrize("url", ["https://evil.example/", "//evil.example"])
def test_sign_in_ignores_a_foreign_next(client, resident, url):
    response = client.post(
        reverse("lms:login") + f"?next={url}",
        {"username": "0912345678", "password": "mat-khau-1", "next": url},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("lms:my-learning")


def test_sign_in_follows_a_local_next(client, resident):
    response = client.post(
        reverse("lms:login"),
        {"username": "0912345678", "password": "mat-khau-1", "next": "/search/"},
    )
    assert response["Location"] == "/search/"


def test_sign_in_page_does_not_carry_a_foreign_next(client, db):
    page = client.get(reverse("lms:login"), {"next": "//evil.example"})
    assert "evil.example" not in page.content.decode()

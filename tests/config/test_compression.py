"""Gzip of text answers (config/compression.py) and its limits."""

import gzip

import pytest
from django.contrib.auth import get_user_model

from accounts.roles import Role, group_for
from cms.models import Centre

GZIP = {"Accept-Encoding": "gzip, deflate, br"}


def test_html_is_gzipped_when_asked(client, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 600
    plain = client.get("/")
    assert not plain.has_header("Content-Encoding")
    for _ in range(2):  # rendered, then the cached copy
        response = client.get("/", headers=GZIP)
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert gzip.decompress(response.content) == plain.content
        assert len(response.content) < len(plain.content)


def test_gzipped_page_still_answers_conditional_gets(client, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 600
    etag = client.get("/", headers=GZIP)["ETag"]
    assert etag.startswith('W/"')
    response = client.get("/", headers={**GZIP, "If-None-Match": etag})
    assert response.status_code == 304


def test_json_is_gzipped(client, db):
    response = client.get("/api/units/?q=ta", headers=GZIP)
    assert response["Content-Type"] == "application/json"
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content).startswith(b'{"results"')


def test_static_files_are_left_to_whitenoise(client, db):
    """WhiteNoise answers static files before this middleware sees them."""
    response = client.get("/static/cms/css/site.css", headers=GZIP)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert response.get("Content-Encoding") in (None, "gzip")
    if response.get("Content-Encoding") == "gzip":
        gzip.decompress(body)


@pytest.fixture
def staff(commune):
    Centre.objects.get_or_create(commune=commune, defaults={"name": "TTHTCĐ Tả Van"})
    user = get_user_model().objects.create_user(
        phone="0911000111",
        password="mat-khau-staff",
        full_name="Cán bộ",
        commune=commune,
    )
    user.groups.add(group_for(Role.CENTRE_STAFF))
    return user


def test_a_shown_temporary_password_is_never_compressed(client, staff, resident):
    """BREACH: the page reflects the typed login beside a secret."""
    client.force_login(staff)
    response = client.post(
        "/quan-ly/mat-khau-tam/", {"login": resident.phone}, headers=GZIP
    )
    assert b"data-temporary-password>" in response.content
    assert not response.has_header("Content-Encoding")
    other = client.get("/quan-ly/mat-khau-tam/", headers=GZIP)
    assert not other.has_header("Content-Encoding")

"""Security headers: CSP without inline script on the site, a looser one for the admin,
Permissions-Policy everywhere, HSTS preload only when asked for."""

import pytest
from django.contrib.auth import get_user_model

from tests.config.test_settings import run_django


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.mark.parametrize("path", ["/dang-nhap/", "/search/", "/"])
def test_site_pages_allow_no_inline_script(client, home_page, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "https://www.youtube.com" in policy["frame-src"]
    assert policy["media-src"] == ["'self'", "blob:"]
    assert policy["worker-src"] == ["'self'", "blob:"]


def test_the_wagtail_admin_gets_its_own_policy(client, db):
    admin = get_user_model().objects.create_superuser(
        username="quantri", email="qt@example.vn", password="mat-khau-1"
    )
    client.force_login(admin)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


@pytest.mark.parametrize("path", ["/dang-nhap/", "/admin/login/"])
def test_permissions_policy_turns_off_unused_features(client, db, path):
    value = client.get(path)["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in value
    assert "autoplay=(self)" in value
    assert 'fullscreen=(self "https://www.youtube.com"' in value


def test_inline_script_and_handlers_are_gone_from_our_templates():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    found = []
    for template in [
        *root.glob("templates/**/*.html"),
        *root.glob("*/templates/**/*.html"),
    ]:
        text = template.read_text()
        inline_script = re.search(r"<script(?![^>]*\bsrc=)(\s[^>]*)?>", text)
        if inline_script or re.search(r"\son[a-z]+=", text):
            found.append(str(template.relative_to(root)))
    assert found == []


def test_s3_origins_join_the_media_directives():
    result = run_django(
        "from django.conf import settings as s;"
        "d = s.CONTENT_SECURITY_POLICY['DIRECTIVES'];"
        "print(d['img-src'][-1], d['media-src'][-1], d['connect-src'][-1])",
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "x" * 50,
            "AWS_STORAGE_BUCKET_NAME": "tthtcd",
            "AWS_S3_CUSTOM_DOMAIN": "media.hoctap.example.vn",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["https://media.hoctap.example.vn"] * 3


@pytest.mark.parametrize(("value", "expected"), [(None, "False"), ("true", "True")])
def test_hsts_preload_only_when_asked_for(value, expected):
    result = run_django(
        "from django.conf import settings as s; print(s.SECURE_HSTS_PRELOAD)",
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "x" * 50,
            "SECURE_HSTS_PRELOAD": value,
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected

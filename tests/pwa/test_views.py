"""The manifest, the service worker's URL, the offline and saved-lessons pages."""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

from pwa.icons import ICONS
from pwa.shell import shell_urls


@pytest.fixture
def anonymous(client, db):
    return client


def test_manifest_names_the_app_in_vietnamese_with_installable_icons(anonymous):
    response = anonymous.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = json.loads(response.content)
    assert manifest["name"] == "Học tập cộng đồng"
    assert manifest["short_name"] == "Học tập"
    assert manifest["lang"] == "vi"
    assert manifest["start_url"] == "/" and manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    assert "trung tâm học tập cộng đồng" in manifest["description"]
    declared = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= declared
    for icon in manifest["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        with Image.open(path) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]
            assert image.format == "PNG"
    assert "Set-Cookie" not in response


def test_committed_icons_have_their_sizes_and_the_apple_icon_is_opaque():
    for name, (size, _maskable) in ICONS.items():
        with Image.open(finders.find(f"pwa/icons/{name}")) as image:
            assert image.size == (size, size)
            if name == "apple-touch-icon.png":
                assert image.mode == "RGB"
    with Image.open(finders.find("pwa/icons/favicon.ico")) as icon:
        assert {(16, 16), (32, 32), (48, 48)} <= set(icon.info["sizes"])


def test_maskable_icon_fills_the_square_and_keeps_the_drawing_in_the_safe_zone():
    with Image.open(finders.find("pwa/icons/icon-maskable-512.png")) as image:
        image = image.convert("RGB")
        background = image.getpixel((0, 0))
        assert all(
            image.getpixel(corner) == background
            for corner in [(511, 0), (0, 511), (511, 511)]
        )
        # Outside the central circle of radius 40 % nothing but the background.
        for x in range(0, 512, 8):
            for y in range(0, 512, 8):
                if (x - 256) ** 2 + (y - 256) ** 2 > (0.4 * 512) ** 2:
                    assert image.getpixel((x, y)) == background, (x, y)


def test_service_worker_is_served_from_the_root_uncached(anonymous):
    response = anonymous.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    assert "Set-Cookie" not in response
    body = response.content.decode()
    config = json.loads(re.match(r"const CONFIG = (.*);\n", body).group(1))
    assert config["offline"] == "/ngoai-tuyen/"
    assert "/ngoai-tuyen/" in config["shell"] and "/bai-da-luu/" in config["shell"]
    assert re.fullmatch(r"[0-9a-f]{12}", config["version"])
    assert 'addEventListener("sync"' in body
    # Staff, officer and personal pages are never kept on a shared phone.
    for prefix in ("/admin/", "/api/", "/documents/", "/quan-ly/", "/bao-cao/"):
        assert prefix in config["noCachePrefixes"]


def test_every_shell_url_answers(anonymous):
    """A shell URL that fails would make the worker's installation fail."""
    for url in shell_urls():
        response = anonymous.get(url)
        assert response.status_code == 200, url
        if hasattr(response, "streaming_content"):
            response.close()


def test_offline_page_is_vietnamese_and_impersonal(client, resident):
    client.force_login(resident)
    response = client.get("/ngoai-tuyen/")
    html = response.content.decode()
    assert "Không có kết nối mạng" in html
    assert "chưa từng được mở trên máy" in html
    assert 'href="/bai-da-luu/"' in html
    # Cached once for whoever uses the phone: no name, no sign-out form.
    assert resident.full_name not in html
    assert "dang-xuat" not in html
    assert "data-user=" not in html


def test_saved_lessons_page_lists_from_the_phone(anonymous):
    html = anonymous.get("/bai-da-luu/").content.decode()
    assert "<h1>Bài đã lưu</h1>" in html
    assert "data-saved-lessons" in html and "pwa/js/saved-lessons.js" in html


def test_favicon_ico_leads_to_the_icon(anonymous):
    response = anonymous.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("pwa/icons/favicon.ico")


def test_every_page_links_manifest_icons_and_the_worker_script(client, home_page):
    html = client.get(home_page.url).content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert 'rel="icon" href="/static/pwa/icons/favicon.ico"' in html
    assert (
        'rel="apple-touch-icon" href="/static/pwa/icons/apple-touch-icon.png"' in html
    )
    assert '<meta name="theme-color" content="#0b3d6e">' in html
    assert re.search(r'<script src="/static/pwa/js/pwa.js" data-worker="/sw.js"', html)
    assert 'href="/bai-da-luu/"' in html

"""Wagtail API v2 documents: absolute download URL from the base URL, and the size."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from cms.models.pages import ResourceFile

pytestmark = pytest.mark.django_db

CONTENT = b"%PDF-1.4 phong benh dao on " + b"x" * 1000


@pytest.fixture
def live_document(resource):
    document = Document.objects.create(
        title="Phòng bệnh đạo ôn", file=ContentFile(CONTENT, name="dao-on.pdf")
    )
    ResourceFile.objects.create(page=resource, document=document)
    return document


@pytest.fixture
def base_url(settings):
    settings.WAGTAILAPI_BASE_URL = "https://hoctap.example.vn"
    settings.ALLOWED_HOSTS = ["*"]
    return settings.WAGTAILAPI_BASE_URL


def test_detail_shows_absolute_download_url_and_size(client, live_document, base_url):
    """The links use the configured address, not the Host the request named."""
    response = client.get(
        f"/api/v2/documents/{live_document.pk}/", HTTP_HOST="10.0.0.5:8000"
    )
    assert response.status_code == 200
    meta = response.json()["meta"]
    assert meta["download_url"] == f"{base_url}{live_document.url}"
    assert meta["download_url"].startswith("https://hoctap.example.vn/documents/")
    assert meta["detail_url"] == f"{base_url}/api/v2/documents/{live_document.pk}/"
    assert meta["file_size"] == len(CONTENT)
    download = client.get(meta["download_url"].removeprefix(base_url))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == CONTENT


def test_listing_shows_the_size_too(client, live_document, base_url):
    [item] = client.get("/api/v2/documents/").json()["items"]
    assert item["meta"]["file_size"] == len(CONTENT)
    assert item["meta"]["download_url"].startswith(base_url)


def test_default_base_url_is_the_sites_configured_address(settings):
    """One address for the whole site: the API's is the admin's (WAGTAILADMIN_...)."""
    assert settings.WAGTAILAPI_BASE_URL == settings.WAGTAILADMIN_BASE_URL

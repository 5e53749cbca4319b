"""Resumable uploads (tus 1.0 core, creation, termination) through the flow's endpoint.

The endpoint is the staff lesson flow's; the protocol and its state are cms.resumable.
"""

import http.client
import io
import os
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string

from cms.models import ResumableUpload
from cms.resumable import service
from cms.site_setup import ensure_home_page
from tests.lms.lesson_flow.conftest import build_centre, make_person

TUS = {"HTTP_TUS_RESUMABLE": "1.0.0"}
CHUNK = "application/offset+octet-stream"
ENDPOINT = reverse("lms:lesson-flow-uploads")


@pytest.fixture(autouse=True)
def own_private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def staff(home_page, commune):
    build_centre(home_page, commune, "here")
    return make_person("0914000001", commune)


@pytest.fixture
def staff_client(staff):
    client = Client()
    client.force_login(staff)
    return client


def create(client, length, **headers):
    return client.post(ENDPOINT, HTTP_UPLOAD_LENGTH=str(length), **TUS, **headers)


def patch(client, url, data, offset, **extra):
    return client.generic(
        "PATCH", url, data, content_type=CHUNK, HTTP_UPLOAD_OFFSET=str(offset),
        **TUS, **extra,
    )  # fmt: skip


def chunk_files(upload) -> list[str]:
    try:
        return storages["private"].listdir(upload.chunk_prefix)[1]
    except FileNotFoundError:
        return []


def test_options_announce_version_extensions_and_cap(staff_client, settings):
    response = staff_client.options(ENDPOINT)
    assert response.status_code == 204
    assert response["Tus-Version"] == "1.0.0"
    assert response["Tus-Extension"] == "creation,termination"
    assert response["Tus-Max-Size"] == str(settings.RESUMABLE_UPLOAD_MAX_BYTES)


def test_upload_in_chunks_then_assembled_whole(staff_client, staff):
    data = os.urandom(300_000)
    created = create(staff_client, len(data), HTTP_UPLOAD_METADATA="filename YS5tcDQ=")
    assert created.status_code == 201 and created["Tus-Resumable"] == "1.0.0"
    url = created["Location"]
    assert "Upload-Expires" in created
    assert patch(staff_client, url, data[:100_000], 0)["Upload-Offset"] == "100000"
    head = staff_client.head(url, **TUS)
    assert (head.status_code, head["Upload-Offset"], head["Upload-Length"]) == (
        200,
        "100000",
        "300000",
    )
    assert head["Cache-Control"].startswith("max-age=0")
    # A resend of the first chunk (the answer was lost) is a conflict, not a copy.
    assert patch(staff_client, url, data[:100_000], 0).status_code == 409
    assert patch(staff_client, url, data[100_000:], 100_000).status_code == 204
    upload = ResumableUpload.objects.get()
    assert upload.is_complete and upload.filename == "a.mp4"
    assert upload.owner == staff
    with service.assembled(upload) as path:
        assert path.read_bytes() == data


def test_refusals(staff_client, settings):
    settings.RESUMABLE_UPLOAD_MAX_BYTES = 1000
    assert create(staff_client, 1001).status_code == 413
    assert staff_client.post(ENDPOINT, HTTP_UPLOAD_LENGTH="10").status_code == 412
    url = create(staff_client, 10)["Location"]
    assert staff_client.generic(
        "PATCH", url, b"x", content_type="text/plain", HTTP_UPLOAD_OFFSET="0", **TUS
    ).status_code == 415  # fmt: skip
    assert patch(staff_client, url, b"x" * 11, 0).status_code == 413
    assert patch(staff_client, url, b"x" * 5, 3).status_code == 409


def test_uploads_are_their_owners_only(staff_client, commune, other_commune):
    url = create(staff_client, 10)["Location"]
    other = Client()
    other.force_login(make_person("0914000002", commune))
    assert other.head(url, **TUS).status_code == 404
    assert patch(other, url, b"x" * 10, 0).status_code == 404
    resident = Client()
    resident.force_login(make_person("0914000003", commune, role=None))
    assert create(resident, 10).status_code == 403


def test_termination_deletes_row_and_chunks(
    staff_client, django_capture_on_commit_callbacks
):
    url = create(staff_client, 20)["Location"]
    patch(staff_client, url, b"x" * 10, 0)
    upload = ResumableUpload.objects.get()
    assert len(chunk_files(upload)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert staff_client.delete(url, **TUS).status_code == 204
    assert not ResumableUpload.objects.exists()
    assert chunk_files(upload) == []


def test_abandoned_uploads_expire(staff, settings, django_capture_on_commit_callbacks):
    old = service.create_upload(owner=staff, length=10)
    fresh = service.create_upload(owner=staff, length=10)
    ResumableUpload.objects.filter(pk=old.pk).update(
        updated_at=timezone.now()
        - timedelta(hours=settings.RESUMABLE_UPLOAD_EXPIRY_HOURS + 1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert service.expire_abandoned() == 1
    assert list(ResumableUpload.objects.all()) == [fresh]


def test_a_person_keeps_a_few_unfinished_uploads(staff, settings):
    made = [service.create_upload(owner=staff, length=5) for _ in range(5)]
    kept = set(ResumableUpload.objects.values_list("pk", flat=True))
    assert len(kept) == settings.RESUMABLE_UPLOADS_PER_PERSON
    assert made[-1].pk in kept and made[0].pk not in kept


def test_an_incomplete_upload_cannot_be_assembled(staff):
    upload = service.create_upload(owner=staff, length=5)
    with pytest.raises(service.UploadRefused), service.assembled(upload):
        pass


@pytest.mark.django_db(transaction=True)
def test_chunk_cut_off_by_a_dropped_connection_is_sent_again(live_server, commune):
    """Half a chunk arrives and the connection dies: the offset stays where it was,
    nothing half-written is kept, and the upload resumes from there."""
    try:
        staff = make_person("0914000009", commune)
        build_centre(ensure_home_page(), commune, "here")
        client = Client()
        client.force_login(staff)
        session = client.cookies["sessionid"].value
        secret = get_random_string(32)  # an unmasked CSRF secret: cookie and header
        data = os.urandom(200_000)
        parts = urlsplit(live_server.url)

        auth = {
            "Tus-Resumable": "1.0.0",
            "Cookie": f"sessionid={session}; csrftoken={secret}",
            "X-CSRFToken": secret,
        }

        def request(method, path, body=b"", **headers):
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            headers = {**auth, **headers}
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            conn.close()
            return response

        created = request("POST", ENDPOINT, **{"Upload-Length": str(len(data))})
        assert created.status == 201, created.status
        path = urlsplit(created.getheader("Location")).path
        first = request("PATCH", path, data[:100_000], **{
            "Content-Type": CHUNK, "Upload-Offset": "0"})  # fmt: skip
        assert first.status == 204

        # The second chunk: announce 100,000 bytes, send 30,000, hang up.
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        conn.putrequest("PATCH", path)
        for name, value in {
            **auth, "Content-Type": CHUNK, "Upload-Offset": "100000",
            "Content-Length": "100000",
        }.items():  # fmt: skip
            conn.putheader(name, value)
        conn.endheaders()
        conn.send(data[100_000:130_000])
        conn.sock.shutdown(2)
        conn.close()

        head = request("HEAD", path)
        assert head.getheader("Upload-Offset") == "100000"
        upload = ResumableUpload.objects.get()
        assert chunk_files(upload) == [f"{0:015d}"]
        resumed = request("PATCH", path, data[100_000:], **{
            "Content-Type": CHUNK, "Upload-Offset": "100000"})  # fmt: skip
        assert resumed.status == 204
        upload.refresh_from_db()
        with service.assembled(upload) as whole:
            assert whole.read_bytes() == data
    finally:
        connection.close()


def test_a_chunk_left_by_a_request_that_died_is_replaced(staff):
    """A chunk file stored by a request that died before moving the offset does not
    stand in for the chunk sent again."""
    upload = service.create_upload(owner=staff, length=6)
    storages["private"].save(f"{upload.chunk_prefix}/{0:015d}", ContentFile(b"old"))
    service.append_chunk(upload=upload, offset=0, stream=io.BytesIO(b"abc"), length=3)
    service.append_chunk(upload=upload, offset=3, stream=io.BytesIO(b"def"), length=3)
    assert sorted(chunk_files(upload)) == [f"{0:015d}", f"{3:015d}"]
    with service.assembled(upload) as path:
        assert path.read_bytes() == b"abcdef"


def test_a_chunk_cut_short_is_not_kept(staff):
    upload = service.create_upload(owner=staff, length=10)
    with pytest.raises(service.IncompleteChunk):
        service.append_chunk(
            upload=upload, offset=0, stream=io.BytesIO(b"abc"), length=10
        )
    upload.refresh_from_db()
    assert upload.offset == 0 and chunk_files(upload) == []

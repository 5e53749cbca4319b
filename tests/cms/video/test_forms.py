"""Uploading in the Wagtail admin: probed before saving, queued for transcoding."""

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from cms.models import LessonMedia
from cms.models.media import TranscodeStatus

pytestmark = pytest.mark.ffmpeg


def upload(client, path, *, title="Cách trồng lúa", kind="video", name=None):
    return client.post(
        reverse("wagtailmedia:add", args=(kind,)),
        {
            "title": title,
            "file": SimpleUploadedFile(name or path.name, path.read_bytes()),
            "collection": 1,
            "tags": "",
        },
    )


def test_text_renamed_mp4_is_refused_and_the_form_kept(editor_client, clips):
    response = upload(editor_client, clips["text"], title="Bài 3: phân bón")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tệp này không phải là tệp âm thanh hay video." in html
    assert 'value="Bài 3: phân bón"' in html
    assert not LessonMedia.objects.exists()


def test_truncated_video_is_refused(editor_client, clips):
    response = upload(editor_client, clips["truncated"])
    assert response.status_code == 200
    assert "Tệp bị hỏng hoặc chưa được tải lên đầy đủ" in response.content.decode()
    assert not LessonMedia.objects.exists()


def test_valid_upload_is_measured_and_transcoded_after_commit(
    editor_client, clips, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(editor_client, clips["360p"])
    assert response.status_code == 302
    media = LessonMedia.objects.get()
    assert (media.width, media.height) == (640, 360)
    assert media.duration == pytest.approx(2, abs=0.2)
    assert media.size_bytes == clips["360p"].stat().st_size
    assert media.transcode_attempt == 1
    assert media.transcode_status == TranscodeStatus.READY
    assert media.file.read() == clips["360p"].read_bytes()


def test_nothing_runs_in_the_request_before_commit(editor_client, clips):
    """Without a commit the job is only queued: transcoding never blocks uploads."""
    response = upload(editor_client, clips["audio"], kind="audio")
    assert response.status_code == 302
    media = LessonMedia.objects.get()
    assert (media.type, media.transcode_status) == ("audio", TranscodeStatus.QUEUED)


def test_the_original_is_stored_before_the_write_transaction(
    editor_client, clips, monkeypatch
):
    """Copying a large upload never holds the database's write lock."""
    baseline = len(connection.atomic_blocks)  # the test's own transaction
    depths = []
    save = FileSystemStorage._save

    def recording_save(self, name, content):
        depths.append(len(connection.atomic_blocks))
        return save(self, name, content)

    monkeypatch.setattr(FileSystemStorage, "_save", recording_save)
    response = upload(editor_client, clips["360p"])
    assert response.status_code == 302
    assert depths == [baseline]
    assert LessonMedia.objects.get().file.read() == clips["360p"].read_bytes()

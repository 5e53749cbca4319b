"""Staff add a dubbed sound track and subtitles to a video lesson from the flow."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.models import AudioTrack
from cms.models.media import MediaCaption

from .conftest import fresh, upload

pytestmark = pytest.mark.ffmpeg

SRT = "1\n00:00:00,000 --> 00:00:02,000\nCấy mạ non.\n\n".encode()


def url(name, lesson):
    return reverse(f"lms:lesson-flow-{name}", args=[lesson.pk])


def test_staff_add_a_dubbed_track_and_subtitles(
    client, video_lesson, phone_clips, django_capture_on_commit_callbacks
):
    lesson, media = video_lesson
    status = client.get(url("status", lesson)).content.decode()
    assert url("audio-track", lesson) in status and url("subtitles", lesson) in status
    form = client.get(url("audio-track", lesson)).content.decode()
    assert 'value="hmn"' in form and 'value="vi"' not in form  # not the original's

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("audio-track", lesson),
            {"language": "hmn", "file": upload(phone_clips["audio"], "audio/mp4")},
        )
    assert response.status_code == 302
    track = AudioTrack.objects.get()
    assert (track.media, track.language, track.status) == (media, "hmn", "ready")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("subtitles", lesson),
            {
                "language": "vi",
                "on_by_default": "on",
                "file": SimpleUploadedFile("phu-de.srt", SRT),
            },
        )
    assert response.status_code == 302
    caption = MediaCaption.objects.get()
    assert caption.on_by_default and caption.label == "Tiếng Việt"
    assert caption.file.read().startswith(b"WEBVTT")

    status = client.get(url("status", lesson)).content.decode()
    assert 'data-track="hmn"' in status and 'data-subtitle="vi"' in status
    page = client.get(lesson.url).content.decode()
    media.refresh_from_db()
    assert f'data-master="{media.hls_url}"' in page
    assert "Lus Hmoob" in page
    assert 'srclang="vi" label="Tiếng Việt"' in page and " default>" in page
    assert media.file.storage.url(track.download_file) in page


def test_a_malformed_subtitle_is_refused_in_vietnamese_and_the_lesson_unchanged(
    client, video_lesson, django_capture_on_commit_callbacks
):
    lesson, media = video_lesson
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("subtitles", lesson),
            {
                "language": "hmn",
                "on_by_default": "on",
                "file": SimpleUploadedFile("hong.srt", b"1\n00:00 -> ??\nxin chao\n"),
            },
        )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tệp phụ đề không có câu phụ đề nào" in page  # in Vietnamese
    assert '<option value="hmn" selected>' in page  # the form keeps its input
    assert re.search(r'<input type="checkbox" name="on_by_default"[^>]* checked', page)
    assert not MediaCaption.objects.exists()
    hls_playlist = media.hls_playlist
    media.refresh_from_db()
    assert media.hls_playlist == hls_playlist


def test_another_centres_staff_cannot_add_a_track(client, world, video_lesson):
    lesson, media = video_lesson
    assert fresh(world["staff"]).has_perm("cms.add_media_track", media)
    assert not fresh(world["far_staff"]).has_perm("cms.add_media_track", media)
    assert not fresh(world["resident"]).has_perm("cms.add_media_track", media)
    client.force_login(world["far_staff"])
    for name in ("audio-track", "subtitles"):
        assert client.get(url(name, lesson)).status_code == 404
        assert client.post(url(name, lesson), {"language": "hmn"}).status_code == 404
    assert not AudioTrack.objects.exists() and not MediaCaption.objects.exists()


GUESSABLE = re.compile(r"^(media_captions|media_tracks)/[0-9a-f]{32}/[^/]+$")


def test_subtitles_and_dubbed_recordings_are_stored_where_nobody_can_guess(
    client, video_lesson, phone_clips, django_capture_on_commit_callbacks
):
    """The player reads them from the public media route: a draft lesson's files
    are safe from strangers only if their addresses cannot be worked out."""
    lesson, media = video_lesson
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("audio-track", lesson),
            {"language": "hmn", "file": upload(phone_clips["audio"], "audio/mp4")},
        )
        for _ in range(2):  # replaced: a new random folder each time
            client.post(
                url("subtitles", lesson),
                {"language": "vi", "file": SimpleUploadedFile("phu-de.srt", SRT)},
            )
    caption, track = MediaCaption.objects.get(), AudioTrack.objects.get()
    assert GUESSABLE.match(caption.file.name), caption.file.name
    assert GUESSABLE.match(track.recording.name), track.recording.name
    assert track.recording.name.endswith("/ghi-am.m4a")
    client.logout()
    # A stranger trying the names the files used to have finds nothing...
    for guess in (
        f"media_captions/{media.pk}-vi.vtt",
        "media_captions/vi.vtt",
        "media_tracks/ghi-am.m4a",
    ):
        assert client.get(f"/media/{guess}").status_code == 404, guess
    # ...while the player, given the address, still reads them.
    response = client.get(f"/media/{caption.file.name}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"WEBVTT")


def test_a_large_subtitle_file_is_refused_before_it_is_read(
    client, video_lesson, settings, monkeypatch
):
    """Refused by the size Django counted on receiving it, not after reading it
    whole into memory (a file above FILE_UPLOAD_MAX_MEMORY_SIZE sits on disk)."""
    from django.core.files.uploadedfile import TemporaryUploadedFile

    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    reads = []
    monkeypatch.setattr(
        TemporaryUploadedFile,
        "read",
        property(
            lambda self: lambda *size: reads.append(size) or self.file.read(*size)
        ),
    )
    lesson, _media = video_lesson
    big = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + b"A" * (3 * 1024 * 1024)
    response = client.post(
        url("subtitles", lesson),
        {"language": "vi", "file": SimpleUploadedFile("to.vtt", big)},
    )
    assert response.status_code == 200
    assert "tối đa 2 MB" in response.content.decode()
    assert reads == []
    assert not MediaCaption.objects.exists()

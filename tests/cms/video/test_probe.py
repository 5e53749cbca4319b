"""Uploads are probed with ffmpeg; what cannot be used is refused in Vietnamese."""

import pytest
from django.utils import translation

from cms.video.probe import MediaRejected, inspect_media

pytestmark = pytest.mark.ffmpeg


def rejection(path, **kwargs) -> MediaRejected:
    with translation.override("vi"), pytest.raises(MediaRejected) as caught:
        inspect_media(path, **kwargs)
    return caught.value


def test_video_is_measured(clips):
    info = inspect_media(clips["720p"])
    assert info.kind == "video"
    assert (info.width, info.height, info.short_side) == (1280, 720, 720)
    assert info.has_audio
    assert 1.9 < info.duration < 2.2
    assert info.size_bytes == clips["720p"].stat().st_size


def test_audio_is_measured(clips):
    info = inspect_media(clips["audio"])
    assert (info.kind, info.width, info.has_audio) == ("audio", None, True)


def test_text_renamed_mp4_is_refused(clips):
    error = rejection(clips["text"])
    assert error.code == "not_media"
    assert error.message == "Tệp này không phải là tệp âm thanh hay video."


@pytest.mark.parametrize("name", ["truncated", "truncated_faststart"])
def test_truncated_video_is_refused(clips, name):
    error = rejection(clips[name])
    assert error.code == "damaged"
    assert "hỏng" in error.message


def test_empty_file_is_refused(clips):
    error = rejection(clips["empty"])
    assert (error.code, error.message) == ("empty", "Tệp trống, không có nội dung.")


def test_too_long_is_refused(clips, settings):
    settings.MEDIA_MAX_SECONDS = 1
    error = rejection(clips["720p"])
    assert error.code == "too_long"
    assert "quá dài" in error.message


def test_too_large_is_refused(clips, settings):
    settings.MEDIA_MAX_BYTES = 1024
    error = rejection(clips["720p"])
    assert error.code == "too_large"
    assert "quá lớn" in error.message


def test_sound_only_uploaded_as_video_is_refused(clips):
    error = rejection(clips["audio"], expected_kind="video")
    assert error.code == "no_video"
    assert "âm thanh" in error.message

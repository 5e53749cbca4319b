import pytest
from django.core.files.storage import default_storage

from cms.models import AudioTrack, LessonMedia
from cms.models.media import TranscodeStatus
from cms.video.demo import demo_video, sri_video
from cms.video.probe import inspect_media

pytestmark = pytest.mark.ffmpeg


def test_demo_video_is_generated_once_and_queued(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        media = demo_video(seconds=2)
    assert len(queued) == 1  # the transcoding task, sent when the load commits
    assert media.transcode_status == TranscodeStatus.QUEUED
    info = inspect_media(media.file.path)
    assert (info.width, info.height, info.has_audio) == (1280, 720, True)

    assert demo_video(seconds=2) == media
    assert LessonMedia.objects.count() == 1


def test_sri_demo_video_has_a_hmong_track_and_two_subtitles(
    db, django_capture_on_commit_callbacks
):
    """Made once; once the worker has run, the master lists every language."""
    with django_capture_on_commit_callbacks(execute=True):
        media = sri_video(seconds=4)
    assert sri_video(seconds=4) == media
    media.refresh_from_db()
    track = AudioTrack.objects.get(media=media)
    assert track.language == "hmn" and track.status == TranscodeStatus.READY
    assert {c.language: c.on_by_default for c in media.captions.all()} == {
        "vi": True,
        "hmn": False,
    }
    with default_storage.open(media.hls_playlist) as handle:
        master = handle.read().decode()
    assert 'TYPE=AUDIO,GROUP-ID="audio",LANGUAGE="hmn",NAME="Lus Hmoob"' in master
    assert 'TYPE=SUBTITLES,GROUP-ID="subs",LANGUAGE="hmn"' in master
    assert 'TYPE=SUBTITLES,GROUP-ID="subs",LANGUAGE="vi"' in master

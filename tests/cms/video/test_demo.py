import pytest

from cms.models import LessonMedia
from cms.models.media import TranscodeStatus
from cms.video.demo import demo_video
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

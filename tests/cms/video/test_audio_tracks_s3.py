"""Dubbed tracks and subtitles with S3 (moto): stored in the bucket, read from it."""

import json

import pytest

from cms.models import AudioTrack
from cms.models.media import TranscodeStatus
from cms.video.services import request_transcode
from cms.video.subtitles import add_subtitles

from . import test_audio_tracks
from .conftest import ffprobe_json
from .test_audio_tracks import HMN_SRT, VI_VTT, add_track
from .test_storage_s3 import public_read

pytestmark = pytest.mark.ffmpeg
dub = test_audio_tracks.dub  # the 3 s "phone recording" fixture


def test_tracks_and_subtitles_land_in_s3_and_the_master_lists_them(
    s3_storage_settings, clips, dub, make_media, django_capture_on_commit_callbacks
):
    bucket, client = s3_storage_settings
    client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(public_read(bucket)))
    media = make_media(clips["360p"])
    with django_capture_on_commit_callbacks(execute=True):
        request_transcode(media=media)
    with django_capture_on_commit_callbacks(execute=True):
        add_track(media, dub)
    with django_capture_on_commit_callbacks(execute=True):
        add_subtitles(media=media, language="vi", data=VI_VTT, on_by_default=True)
        add_subtitles(media=media, language="hmn", data=HMN_SRT)
    media.refresh_from_db()
    track = AudioTrack.objects.get()
    assert track.status == TranscodeStatus.READY, track.error

    keys = {item["Key"] for item in client.list_objects_v2(Bucket=bucket)["Contents"]}
    assert {track.playlist, track.download_file, media.hls_playlist} <= keys
    assert "/play/" in media.hls_playlist
    # A player reads every language over HTTP straight from the bucket.
    assert media.hls_url.startswith(client.meta.endpoint_url)
    probed = ffprobe_json(media.hls_url, *("-strict", "experimental", "-show_streams"))
    languages = {
        (s["codec_type"], s.get("tags", {}).get("language")) for s in probed["streams"]
    }
    assert {("audio", "vi"), ("audio", "hmn")} <= languages
    assert {("subtitle", "vi"), ("subtitle", "hmn")} <= languages

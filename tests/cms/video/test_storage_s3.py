"""With S3 configured, the renditions land in the bucket and are read from there."""

import json

import pytest
from django.core.files.storage import default_storage

from cms.models.media import TranscodeStatus
from cms.video.services import request_transcode

from .conftest import ffprobe_json

pytestmark = pytest.mark.ffmpeg


def test_outputs_land_in_s3_and_the_master_playlist_is_readable(
    s3_storage_settings, clips, make_media, django_capture_on_commit_callbacks
):
    bucket, client = s3_storage_settings
    # Players fetch segments by relative URL, so renditions are public objects.
    client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(public_read(bucket)))
    media = make_media(clips["360p"])  # the original itself goes to S3 too
    with django_capture_on_commit_callbacks(execute=True):
        request_transcode(media=media)
    media.refresh_from_db()
    assert media.transcode_status == TranscodeStatus.READY

    keys = {item["Key"] for item in client.list_objects_v2(Bucket=bucket)["Contents"]}
    assert media.file.name in keys
    assert {
        media.hls_playlist,
        media.download_file,
        media.poster_file,
        *(r["playlist"] for r in media.renditions),
    } <= keys
    assert any(key.endswith("240p/seg_000.ts") for key in keys)

    master = client.get_object(Bucket=bucket, Key=media.hls_playlist)["Body"].read()
    assert b"#EXT-X-STREAM-INF" in master
    assert media.hls_url.startswith(client.meta.endpoint_url)
    # A player reads the ladder over HTTP straight from the bucket.
    probed = ffprobe_json(media.hls_url, "-show_streams")
    assert {s.get("height") for s in probed["streams"]} >= {240, 360}
    assert default_storage.exists(media.hls_playlist)


def public_read(bucket: str) -> dict:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/media/renditions/*",
            }
        ],
    }

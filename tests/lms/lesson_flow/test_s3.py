"""The flow with S3 through the local S3 API server: chunks in the private prefix,
the media and its renditions in the bucket, trims reading the original from it."""

import pytest
from django.urls import reverse

from cms.models import LessonMedia, LessonPage
from cms.models.media import TranscodeStatus
from tests.conftest import moto_storage_options

pytestmark = pytest.mark.ffmpeg
TUS = {"HTTP_TUS_RESUMABLE": "1.0.0"}


@pytest.fixture
def s3(s3_storage_settings, s3_bucket, settings):
    endpoint, bucket, client = s3_bucket
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": moto_storage_options(
                endpoint, bucket, location="private", default_acl="private"
            ),
        },
    }
    return bucket, client


def keys(client, bucket, prefix):
    listed = client.list_objects_v2(Bucket=bucket, Prefix=prefix)
    return [item["Key"] for item in listed.get("Contents", [])]


def test_resumable_upload_lesson_and_trim_on_s3(
    s3, client, world, phone_clips, django_capture_on_commit_callbacks
):
    bucket, s3_client = s3
    client.force_login(world["staff"])
    data = phone_clips["video"].read_bytes()
    location = client.post(
        reverse("lms:lesson-flow-uploads"), HTTP_UPLOAD_LENGTH=str(len(data)), **TUS
    )["Location"]
    half = len(data) // 2
    for offset, part in ((0, data[:half]), (half, data[half:])):
        response = client.generic(
            "PATCH", location, part, content_type="application/offset+octet-stream",
            HTTP_UPLOAD_OFFSET=str(offset), **TUS,
        )  # fmt: skip
        assert response.status_code == 204
    assert len(keys(s3_client, bucket, "private/resumable/")) == 2
    upload_id = location.rstrip("/").rsplit("/", 1)[1]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("lms:lesson-flow"),
            {"course": world["course"].pk, "title": "Bài S3", "upload": upload_id,
             "publish": "on"},
        )  # fmt: skip
    assert response.status_code == 302
    assert keys(s3_client, bucket, "private/resumable/") == []
    media = LessonMedia.objects.get()
    assert media.transcode_status == TranscodeStatus.READY
    assert media.file.name in keys(s3_client, bucket, "media/")
    assert media.hls_playlist in keys(s3_client, bucket, "media/renditions/")

    lesson = LessonPage.objects.get(slug="bai-s3")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("lms:lesson-flow-trim", args=[lesson.pk]),
            {"cut_start": "1", "cut_end": "0"},
        )
    assert response.status_code == 302
    trimmed = LessonMedia.objects.exclude(pk=media.pk).get()
    assert 1.8 < trimmed.duration < 2.2
    assert trimmed.transcode_status == TranscodeStatus.READY
    assert s3_client.get_object(Bucket=bucket, Key=media.file.name)["Body"].read() == (
        data
    )

""" "Process again" keeps the playing renditions until the new ones are live, and a
grace period after that (real ffmpeg, files served by the app)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cms.models import RetiredRenditions
from cms.video import pipeline
from cms.video.retirement import delete_retired
from cms.video.services import request_transcode

pytestmark = pytest.mark.ffmpeg


def served(url: str) -> int:
    response = Client().get(url)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return response.status_code


@pytest.fixture
def playing(make_media, clips, django_capture_on_commit_callbacks):
    """A video whose first set of renditions is live."""
    media = make_media(clips["360p"])
    with django_capture_on_commit_callbacks(execute=True):
        request_transcode(media=media)
    media.refresh_from_db()
    assert media.hls_playlist.endswith("/1/master.m3u8")
    return media


def test_the_old_playlist_is_served_until_the_switch_and_the_grace_period(
    playing, editor_client, monkeypatch, settings, django_capture_on_commit_callbacks
):
    settings.MEDIA_RENDITIONS_GRACE_SECONDS = 3600
    old_url, old_prefix = playing.hls_url, playing.hls_playlist.rsplit("/", 1)[0]
    segment_url = playing.hls_url.replace("master.m3u8", "240p/seg_000.ts")
    assert served(old_url) == served(segment_url) == 200

    during = []
    renew = pipeline.renew

    def watching(**kwargs):
        # While the new attempt transcodes: what a lesson page would offer.
        if kwargs["attempt"] == 2 and kwargs.get("percent") is not None:
            playing.refresh_from_db()
            during.append(
                (
                    playing.is_ready,
                    playing.hls_url,
                    served(old_url),
                    served(segment_url),
                )
            )
        renew(**kwargs)

    monkeypatch.setattr(pipeline, "renew", watching)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("media_status:retry", args=(playing.pk,)))
    assert response.status_code == 302
    assert during and set(during) == {(True, old_url, 200, 200)}

    # Switched: the page now offers the new set; the old one is still reachable.
    playing.refresh_from_db()
    assert playing.hls_playlist.endswith("/2/master.m3u8")
    assert served(playing.hls_url) == 200
    assert served(old_url) == served(segment_url) == 200
    retired = RetiredRenditions.objects.get(prefix=old_prefix)
    assert retired.delete_after > timezone.now() + timedelta(minutes=59)

    assert delete_retired() == []
    assert served(old_url) == 200
    assert delete_retired(now=retired.delete_after) == [old_prefix]
    assert served(old_url) == served(segment_url) == 404
    assert served(playing.hls_url) == 200
    assert not RetiredRenditions.objects.exists()


def test_a_failed_reprocessing_keeps_the_old_set_playing(
    playing, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise pipeline.TranscodeError("Conversion failed!")

    monkeypatch.setattr(pipeline, "transcode", broken)
    with django_capture_on_commit_callbacks(execute=True):
        request_transcode(media=playing)
    playing.refresh_from_db()
    assert playing.transcode_status == "failed"
    assert playing.is_ready and served(playing.hls_url) == 200
    assert not RetiredRenditions.objects.exists()

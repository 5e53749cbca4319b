"""Sizes and posters recorded at transcode, with real ffmpeg on generated clips."""

import posixpath

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from cms.models import LessonMedia
from cms.video.services import request_transcode

from .conftest import ffprobe_json

pytestmark = pytest.mark.ffmpeg


def transcoded(media, capture):
    with capture(execute=True):
        request_transcode(media=media)
    media.refresh_from_db()
    return media


def stored_bytes(directory: str) -> tuple[int, list[str]]:
    _dirs, files = default_storage.listdir(directory)
    return sum(default_storage.size(f"{directory}/{f}") for f in files), files


def test_each_rendition_and_the_download_know_their_bytes_and_older_rows_get_them(
    clips, make_media, django_capture_on_commit_callbacks
):
    media = transcoded(make_media(clips["720p"]), django_capture_on_commit_callbacks)
    for rendition in media.renditions:
        total, files = stored_bytes(posixpath.dirname(rendition["playlist"]))
        assert "index.m3u8" in files and any(f.endswith(".ts") for f in files)
        assert rendition["bytes"] == total
    sizes = {r["name"]: r["bytes"] for r in media.renditions}
    assert sizes["audio"] < sizes["240p"] < sizes["360p"] < sizes["720p"]
    assert media.download_bytes == default_storage.size(media.download_file) > 0

    # A row transcoded before sizes were kept: the command run by load_demo
    # reads them back from the storage.
    recorded = (media.download_bytes, media.renditions)
    LessonMedia.objects.filter(pk=media.pk).update(
        download_bytes=None,
        renditions=[
            {k: v for k, v in r.items() if k != "bytes"} for r in media.renditions
        ],
    )
    call_command("backfill_media_sizes")
    media.refresh_from_db()
    assert (media.download_bytes, media.renditions) == recorded


def poster_widths(media) -> dict[str, int]:
    return {
        width: ffprobe_json(default_storage.path(name), "-show_streams")["streams"][0][
            "width"
        ]
        for width, name in media.posters.items()
    }


def test_posters_at_320_640_1280_never_wider_than_the_source(
    clips, make_media, django_capture_on_commit_callbacks
):
    wide = transcoded(make_media(clips["720p"]), django_capture_on_commit_callbacks)
    assert poster_widths(wide) == {"320": 320, "640": 640, "1280": 1280}
    assert wide.poster_file == wide.posters["640"]  # for browsers without srcset

    small = transcoded(make_media(clips["360p"]), django_capture_on_commit_callbacks)
    assert poster_widths(small) == {"320": 320, "640": 640}


def test_audio_has_a_download_size_and_no_poster(
    clips, make_media, django_capture_on_commit_callbacks
):
    media = transcoded(
        make_media(clips["audio"], kind="audio"), django_capture_on_commit_callbacks
    )
    assert media.download_bytes == default_storage.size(media.download_file)
    assert media.posters == {} and media.poster_file == ""
    assert media.renditions[0]["bytes"] > 0

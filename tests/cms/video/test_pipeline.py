"""Transcoding with real ffmpeg: ladder, audio-only variant, status and retry."""

import pytest
from django.core.files.storage import default_storage

from cms import page_cache
from cms.models import LessonMedia
from cms.models.media import TranscodeStatus
from cms.video import pipeline
from cms.video.services import request_transcode, retry_transcode

from .conftest import ffprobe_json

pytestmark = pytest.mark.ffmpeg


def transcoded(media, capture):
    with capture(execute=True):
        request_transcode(media=media)
    media.refresh_from_db()
    return media


def master_text(media) -> str:
    with default_storage.open(media.hls_playlist) as handle:
        return handle.read().decode()


def test_720p_source_gives_a_ladder_ffprobe_reads_with_audio_only_variant(
    clips, make_media, django_capture_on_commit_callbacks
):
    media = transcoded(make_media(clips["720p"]), django_capture_on_commit_callbacks)
    assert media.transcode_status == TranscodeStatus.READY
    assert media.transcode_percent == 100
    assert [r["name"] for r in media.renditions] == ["240p", "360p", "720p", "audio"]

    probed = ffprobe_json(default_storage.path(media.hls_playlist), "-show_streams")
    heights = sorted({s["height"] for s in probed["streams"] if "height" in s})
    assert heights == [240, 360, 720]
    audio = [s for s in probed["streams"] if s["codec_type"] == "audio"]
    assert {s["codec_name"] for s in audio} == {"aac"}
    assert {s["codec_name"] for s in probed["streams"] if "height" in s} == {"h264"}

    for rendition in media.renditions:
        playlist = default_storage.open(rendition["playlist"]).read().decode()
        durations = [
            float(line.split(":")[1].rstrip(","))
            for line in playlist.splitlines()
            if line.startswith("#EXTINF")
        ]
        assert durations and max(durations) <= 6
    assert (media.duration, media.width, media.height) == (
        pytest.approx(2, abs=0.2),
        1280,
        720,
    )
    for name in (media.download_file, media.poster_file, media.thumbnail_file):
        assert default_storage.exists(name)
    download = ffprobe_json(default_storage.path(media.download_file), "-show_streams")
    assert {s.get("height") for s in download["streams"]} == {360, None}

    # The audio-only variant: sound alone, for when pictures cannot keep up.
    lines = master_text(media).splitlines()
    audio_only = [
        line
        for line in lines
        if line.startswith("#EXT-X-STREAM-INF") and "RESOLUTION" not in line
    ]
    assert len(audio_only) == 1
    assert 'CODECS="mp4a.40.2"' in audio_only[0]
    bandwidth = int(audio_only[0].split("BANDWIDTH=")[1].split(",")[0])
    assert 40_000 <= bandwidth <= 80_000


def test_renditions_above_the_source_are_skipped(
    clips, make_media, django_capture_on_commit_callbacks
):
    media = transcoded(make_media(clips["360p"]), django_capture_on_commit_callbacks)
    assert [r["name"] for r in media.renditions] == ["240p", "360p", "audio"]
    assert "720p" not in master_text(media)
    probed = ffprobe_json(default_storage.path(media.hls_playlist), "-show_streams")
    assert max(s.get("height", 0) for s in probed["streams"]) == 360


def test_audio_upload_gets_an_aac_rendition(
    clips, make_media, django_capture_on_commit_callbacks
):
    media = transcoded(
        make_media(clips["audio"], kind="audio"), django_capture_on_commit_callbacks
    )
    assert media.transcode_status == TranscodeStatus.READY
    assert [r["name"] for r in media.renditions] == ["audio"]
    probed = ffprobe_json(default_storage.path(media.hls_playlist), "-show_streams")
    assert [s["codec_name"] for s in probed["streams"]] == ["aac"]
    assert media.download_file.endswith(".m4a")
    assert media.poster_file == ""


def test_original_is_left_unchanged(
    clips, make_media, django_capture_on_commit_callbacks
):
    media = make_media(clips["360p"])
    before = default_storage.open(media.file.name).read()
    media = transcoded(media, django_capture_on_commit_callbacks)
    assert default_storage.open(media.file.name).read() == before


def test_percent_rises_while_processing(clips, make_media, monkeypatch):
    """The percent stored during the run comes from ffmpeg's progress output."""
    monkeypatch.setattr(pipeline, "PROGRESS_WRITE_SECONDS", 0)
    seen = []
    original = pipeline.renew

    def spy(**kwargs):
        original(**kwargs)
        row = LessonMedia.objects.get(pk=kwargs["media_id"])
        seen.append((row.transcode_status, row.transcode_percent))

    monkeypatch.setattr(pipeline, "renew", spy)
    media = make_media(clips["360p"])
    media.transcode_attempt = 1
    media.save()
    assert pipeline.run_transcode(media_id=media.pk, attempt=1) == "ready"
    percents = [p for status, p in seen if status == TranscodeStatus.PROCESSING]
    assert {status for status, _ in seen} == {TranscodeStatus.PROCESSING}
    assert percents == sorted(percents)
    assert any(0 < p < 99 for p in percents)
    media.refresh_from_db()
    assert (media.transcode_status, media.transcode_percent) == ("ready", 100)


def test_failure_records_reason_publishes_nothing_and_retry_succeeds(
    clips, make_media, django_capture_on_commit_callbacks, monkeypatch
):
    media = make_media(clips["360p"])
    monkeypatch.setattr(pipeline, "transcode", broken_transcode)
    media = transcoded(media, django_capture_on_commit_callbacks)
    assert media.transcode_status == TranscodeStatus.FAILED
    assert "ffmpeg" in media.transcode_error
    assert media.hls_playlist == ""
    assert not default_storage.exists(pipeline.renditions_prefix(media.pk, 1))

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        assert retry_transcode(media=media) == 2
    media.refresh_from_db()
    assert media.transcode_status == TranscodeStatus.READY
    assert media.hls_playlist.startswith(f"media/renditions/{media.pk}/2/")
    assert media.transcode_error == ""


def broken_transcode(source, out_dir, **kwargs):
    from cms.video.transcode import ladder_command, run_with_progress

    (out_dir / "240p").mkdir()
    command = ladder_command(
        source, out_dir, info=kwargs["info"], ladder=[], preset="no-such-preset"
    )
    run_with_progress(command, duration=1)


def test_retry_is_refused_while_a_job_is_under_way(make_media, clips):
    media = make_media(clips["360p"])
    media.transcode_status = TranscodeStatus.PROCESSING
    assert retry_transcode(media=media) is None


def test_finished_transcode_retires_cached_pages(
    clips, make_media, django_capture_on_commit_callbacks
):
    # A cached lesson page said "processing"; it must not for PAGE_CACHE_SECONDS more.
    media = make_media(clips["audio"], kind="audio")
    before = page_cache.current_version()
    media = transcoded(media, django_capture_on_commit_callbacks)
    assert media.transcode_status == TranscodeStatus.READY
    assert page_cache.current_version() != before

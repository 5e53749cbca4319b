"""A worker that dies mid-transcode leaves no half set and is recovered."""

import os
import subprocess
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone

from cms.models.media import TranscodeStatus
from cms.video import pipeline
from cms.video.recovery import recover_interrupted
from cms.video.services import request_transcode

pytestmark = pytest.mark.ffmpeg


class WorkerKilled(BaseException):
    """Stands for SIGKILL: no `except Exception` in the pipeline sees it."""


def after_lease():
    return timezone.now() + timedelta(
        seconds=settings.MEDIA_TRANSCODE_LEASE_SECONDS + 1
    )


def ffmpeg_children() -> list[str]:
    result = subprocess.run(
        ["ps", "--ppid", str(os.getpid()), "-o", "comm="],
        capture_output=True,
        text=True,
        check=False,
    )
    return [name for name in result.stdout.split() if name == "ffmpeg"]


@pytest.fixture
def queued(make_media, clips):
    media = make_media(clips["720p"])
    media.transcode_attempt = 1
    media.save()
    return media


def die_when(monkeypatch, condition):
    original = pipeline.renew
    monkeypatch.setattr(pipeline, "PROGRESS_WRITE_SECONDS", 0)

    def renew(**kwargs):
        original(**kwargs)
        if condition(kwargs):
            raise WorkerKilled

    monkeypatch.setattr(pipeline, "renew", renew)


def die_inside_ffmpeg(monkeypatch) -> list[list[str]]:
    """Kill the worker from ffmpeg's first progress report, whatever its percent.

    ffmpeg always reports at least once (its last report) and has not been waited
    for then, so the kill lands while it runs on a fast machine or a loaded one.
    Returns, per kill, the ffmpeg processes alive at that moment.
    """
    seen = []
    original = pipeline.transcode

    def transcode(source, out_dir, *, on_progress=None, **kwargs):
        def killed(percent):
            seen.append(ffmpeg_children())
            raise WorkerKilled

        return original(source, out_dir, on_progress=killed, **kwargs)

    monkeypatch.setattr(pipeline, "transcode", transcode)
    return seen


def test_worker_killed_mid_ffmpeg_is_requeued_and_finishes(
    queued, monkeypatch, django_capture_on_commit_callbacks
):
    at_kill = die_inside_ffmpeg(monkeypatch)
    with pytest.raises(WorkerKilled):
        pipeline.run_transcode(media_id=queued.pk, attempt=1)
    monkeypatch.undo()
    assert at_kill == [["ffmpeg"]]

    queued.refresh_from_db()
    assert queued.transcode_status == TranscodeStatus.PROCESSING
    assert 0 <= queued.transcode_percent <= 99
    assert queued.hls_playlist == ""
    assert ffmpeg_children() == []
    assert not default_storage.exists(pipeline.renditions_prefix(queued.pk, 1))

    # While the lease holds, the job might still be alive elsewhere: left alone.
    assert recover_interrupted() == {}

    with django_capture_on_commit_callbacks(execute=True):
        assert recover_interrupted(now=after_lease()) == {queued.pk: "requeued"}
    queued.refresh_from_db()
    assert queued.transcode_status == TranscodeStatus.READY
    assert queued.transcode_attempt == 2
    assert queued.hls_playlist == f"media/renditions/{queued.pk}/2/master.m3u8"


def test_worker_killed_while_uploading_leaves_nothing_published(
    queued, monkeypatch, django_capture_on_commit_callbacks
):
    uploads = []

    def during_upload(call):
        if call.get("percent") is None:
            uploads.append(call)
        return len(uploads) == 3

    die_when(monkeypatch, during_upload)
    with pytest.raises(WorkerKilled):
        pipeline.run_transcode(media_id=queued.pk, attempt=1)
    monkeypatch.undo()
    partial = pipeline.renditions_prefix(queued.pk, 1)
    assert (
        len(default_storage.listdir(partial)[1])
        + len(default_storage.listdir(partial)[0])
        > 0
    )
    queued.refresh_from_db()
    assert queued.hls_playlist == "" and queued.transcode_status == "processing"

    with django_capture_on_commit_callbacks(execute=True):
        recover_interrupted(now=after_lease())
    assert not default_storage.exists(partial)
    queued.refresh_from_db()
    assert queued.transcode_status == TranscodeStatus.READY


def test_attempts_used_up_ends_failed_with_retry(queued):
    queued.transcode_status = TranscodeStatus.PROCESSING
    queued.transcode_attempt = settings.MEDIA_TRANSCODE_MAX_ATTEMPTS
    queued.transcode_lease_until = timezone.now() - timedelta(seconds=1)
    queued.save()
    assert recover_interrupted() == {queued.pk: "failed"}
    queued.refresh_from_db()
    assert queued.transcode_status == TranscodeStatus.FAILED
    assert "gián đoạn" in queued.transcode_error


def test_superseded_attempt_stops_and_publishes_nothing(queued, monkeypatch):
    """A retry while attempt 1 runs: attempt 1 stops ffmpeg and stores nothing."""
    original = pipeline.renew
    monkeypatch.setattr(pipeline, "PROGRESS_WRITE_SECONDS", 0)

    def renew(**kwargs):
        if kwargs.get("percent"):
            request_transcode(media=queued)  # its task is not run: no commit
        original(**kwargs)

    monkeypatch.setattr(pipeline, "renew", renew)
    assert pipeline.run_transcode(media_id=queued.pk, attempt=1) == "superseded"
    queued.refresh_from_db()
    assert (queued.transcode_status, queued.transcode_attempt) == ("queued", 2)
    assert not default_storage.exists(pipeline.renditions_prefix(queued.pk, 1))
    assert ffmpeg_children() == []


def test_an_attempt_runs_once(queued, make_media):
    assert pipeline.claim(media_id=queued.pk, attempt=1)
    assert not pipeline.claim(media_id=queued.pk, attempt=1)
    assert pipeline.run_transcode(media_id=queued.pk, attempt=1) == "skipped"

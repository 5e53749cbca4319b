"""Cutting the start and end of a clip into a new file (cms/video/trim.py)."""

import hashlib

import pytest

from cms.video.probe import inspect_media
from cms.video.trim import trim

pytestmark = pytest.mark.ffmpeg


def test_trim_cuts_to_the_second_and_only_reads_the_source(clips, tmp_path):
    source = clips["720p"]
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    target = trim(source, tmp_path / "cut.mp4", start=0.5, end=1.5, kind="video")
    info = inspect_media(target, expected_kind="video")
    assert 0.9 < info.duration < 1.15 and info.has_audio
    assert (info.width, info.height) == (1280, 720)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before


def test_trim_audio_keeps_sound_only(clips, tmp_path):
    target = trim(clips["audio"], tmp_path / "cut.m4a", start=0, end=1, kind="audio")
    info = inspect_media(target)
    assert info.kind == "audio" and 0.9 < info.duration < 1.15


def test_start_must_come_before_end(clips, tmp_path):
    with pytest.raises(ValueError):
        trim(clips["720p"], tmp_path / "x.mp4", start=1, end=1, kind="video")

"""Dubbed audio tracks and subtitles in the master playlist (real ffmpeg)."""

import subprocess
from pathlib import Path

import pytest
from django.core.files import File
from django.core.files.storage import default_storage

from cms.content_languages import PREFERENCE_COOKIE
from cms.models import AudioTrack
from cms.models.media import MediaCaption, TranscodeStatus
from cms.video.audio_tracks import request_track
from cms.video.languages import language_choices
from cms.video.recovery import recover_interrupted_tracks
from cms.video.services import request_transcode
from cms.video.subtitles import SubtitleRejected, add_subtitles

from .conftest import ffprobe_json

pytestmark = pytest.mark.ffmpeg

VI_VTT = b"WEBVTT\n\n00:00.000 --> 00:01.500\nC\xe1\xba\xa5y m\xe1\xba\xa1 non.\n"
HMN_SRT = b"1\n00:00:00,000 --> 00:00:01,500\nCog yub hluas.\n\n"


@pytest.fixture(scope="module")
def dub(tmp_path_factory):
    """A 3 s 'phone recording' (longer than the 2 s clip: it must be cut)."""
    path = tmp_path_factory.mktemp("dub") / "long-tieng-hmong.m4a"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i",
         "sine=frequency=300:sample_rate=48000", "-t", "3", "-ac", "1",
         "-c:a", "aac", str(path)],
        check=True,
    )  # fmt: skip
    return path


def add_track(media, path: Path, language="hmn") -> AudioTrack:
    with path.open("rb") as handle:
        track = AudioTrack.objects.create(
            media=media, language=language, recording=File(handle, name=path.name)
        )
    request_track(track=track)
    return track


@pytest.fixture
def dubbed(make_media, clips, dub, django_capture_on_commit_callbacks):
    media = make_media(clips["360p"])
    with django_capture_on_commit_callbacks(execute=True):
        request_transcode(media=media)
    with django_capture_on_commit_callbacks(execute=True):
        track = add_track(media, dub)
    with django_capture_on_commit_callbacks(execute=True):
        add_subtitles(media=media, language="vi", data=VI_VTT, on_by_default=True)
    with django_capture_on_commit_callbacks(execute=True):
        add_subtitles(media=media, language="hmn", data=HMN_SRT)
    media.refresh_from_db()
    track.refresh_from_db()
    return media, track


def playlist_durations(name: str) -> list[float]:
    with default_storage.open(name) as handle:
        text = handle.read().decode()
    return [float(line[8:].rstrip(",")) for line in text.splitlines() if
            line.startswith("#EXTINF:")]  # fmt: skip


def test_ffprobe_lists_every_audio_and_subtitle_with_its_language(dubbed):
    """The master names the original and the dubbed sound and both subtitles."""
    media, track = dubbed
    assert track.status == TranscodeStatus.READY, track.error
    assert "/play/" in media.hls_playlist
    # ffmpeg 5.1 reads HLS subtitle renditions only when told experimental is fine.
    probed = ffprobe_json(
        default_storage.path(media.hls_playlist),
        *("-strict", "experimental", "-show_streams"),
    )
    languages = {
        (s["codec_type"], s.get("tags", {}).get("language")) for s in probed["streams"]
    }
    assert {("audio", "vi"), ("audio", "hmn")} <= languages
    assert {("subtitle", "vi"), ("subtitle", "hmn")} <= languages
    with default_storage.open(media.hls_playlist) as handle:
        master = handle.read().decode()
    assert 'LANGUAGE="hmn",NAME="Lus Hmoob"' in master
    assert 'LANGUAGE="vi",NAME="Tiếng Việt",DEFAULT=YES' in master
    assert (
        'TYPE=SUBTITLES,GROUP-ID="subs",LANGUAGE="vi",NAME="Tiếng Việt",DEFAULT=YES'
        in master
    )


def test_the_track_is_aligned_to_the_video_and_downloadable(dubbed):
    """Cut to the video's length, with the sound-only variant's segment boundaries;
    the MP4 download has the same picture with the dubbed sound, tagged."""
    media, track = dubbed
    original = next(r["playlist"] for r in media.renditions if not r["short_side"])
    ours, theirs = playlist_durations(track.playlist), playlist_durations(original)
    assert len(ours) == len(theirs)
    assert ours == pytest.approx(theirs, abs=0.05)
    assert sum(ours) == pytest.approx(float(media.duration), abs=0.05)
    first = track.playlist.replace("index.m3u8", "seg_000.ts")
    starts = [
        float(
            ffprobe_json(default_storage.path(n), "-show_streams")["streams"][0][
                "start_time"
            ]
        )
        for n in (first, original.replace("index.m3u8", "seg_000.ts"))
    ]
    assert starts[0] == pytest.approx(starts[1], abs=0.05)

    probed = ffprobe_json(
        default_storage.path(track.download_file), "-show_streams", "-show_format"
    )
    kinds = {s["codec_type"]: s for s in probed["streams"]}
    assert kinds["video"]["height"] == 360
    assert kinds["audio"]["tags"]["language"] == "hmn"
    assert float(probed["format"]["duration"]) == pytest.approx(
        float(media.duration), abs=0.1
    )


def test_a_malformed_subtitle_is_refused_and_changes_nothing(
    make_media, clips, django_capture_on_commit_callbacks
):
    media = make_media(clips["360p"])
    with django_capture_on_commit_callbacks(execute=True):
        request_transcode(media=media)
        add_subtitles(media=media, language="vi", data=VI_VTT)
    media.refresh_from_db()
    before = (
        media.hls_playlist,
        list(MediaCaption.objects.values_list("file", "on_by_default")),
    )
    for bad in (
        b"1\n00:00:00 --> oops\nhello\n",
        b"WEBVTT\n\n1 --> 2\nx\n",
        b"\x00\xff",
    ):
        with pytest.raises(SubtitleRejected) as refused:
            add_subtitles(media=media, language="vi", data=bad)
        assert refused.value.message  # said in words, checked in Vietnamese below
    media.refresh_from_db()
    after = (
        media.hls_playlist,
        list(MediaCaption.objects.values_list("file", "on_by_default")),
    )
    assert after == before


def test_a_track_waits_for_its_video(
    make_media, clips, dub, django_capture_on_commit_callbacks
):
    """Added while the video is still being processed, it is made once that is ready."""
    media = make_media(clips["360p"])
    with django_capture_on_commit_callbacks(execute=True):
        track = add_track(media, dub)
    track.refresh_from_db()
    assert track.status == TranscodeStatus.QUEUED and not track.playlist
    with django_capture_on_commit_callbacks(execute=True):
        request_transcode(media=media)
    track.refresh_from_db()
    media.refresh_from_db()
    assert track.status == TranscodeStatus.READY
    assert "/play/" in media.hls_playlist


def test_a_track_whose_worker_died_is_made_again(
    make_media, clips, dub, django_capture_on_commit_callbacks
):
    """Stuck "processing" with its lease run out: recovery queues a new attempt."""
    media = make_media(clips["360p"])
    with django_capture_on_commit_callbacks(execute=True):
        request_transcode(media=media)
        track = add_track(media, dub)
    track.refresh_from_db()
    attempt = track.attempt
    AudioTrack.objects.filter(pk=track.pk).update(
        status=TranscodeStatus.PROCESSING, lease_until=None, playlist=""
    )
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = recover_interrupted_tracks()
    assert outcomes == {track.pk: "requeued"}
    track.refresh_from_db()
    assert (track.status, track.attempt) == (TranscodeStatus.READY, attempt + 1)


def test_a_track_interrupted_too_often_fails_saying_what_to_do(
    clips, make_media, dub, django_capture_on_commit_callbacks, settings
):
    """Tracks have no retry button: the message asks for the recording again."""
    media = make_media(clips["360p"])
    with django_capture_on_commit_callbacks(execute=True):
        request_transcode(media=media)
        track = add_track(media, dub)
    AudioTrack.objects.filter(pk=track.pk).update(
        status=TranscodeStatus.PROCESSING,
        lease_until=None,
        attempt=settings.MEDIA_TRANSCODE_MAX_ATTEMPTS,
    )
    assert recover_interrupted_tracks() == {track.pk: "failed"}
    track.refresh_from_db()
    assert track.status == TranscodeStatus.FAILED
    assert "thêm lại bản ghi âm" in track.error
    assert "Retry" not in track.error


def test_the_player_defaults_follow_the_visitors_preference(dubbed, rf):
    """Their language heard where there is a track; subtitles on by default stay on."""
    media, track = dubbed
    plain = language_choices(media, request=rf.get("/"))
    assert [a.code for a in plain.audio] == ["vi", "hmn"]
    assert (plain.audio_default, plain.subtitle_default) == ("vi", "vi")
    assert plain.audio[1].download_url.endswith(track.download_file)
    assert set(plain.audio[1].native) == {"240p", "360p"}

    hmong = rf.get("/")
    hmong.COOKIES[PREFERENCE_COOKIE] = "hmn"
    chosen = language_choices(media, request=hmong)
    assert (chosen.audio_default, chosen.subtitle_default) == ("hmn", "vi")

    MediaCaption.objects.filter(media=media).update(on_by_default=False)
    AudioTrack.objects.filter(pk=track.pk).update(playlist="", status="failed")
    media = type(media).objects.get(pk=media.pk)
    unheard = language_choices(media, request=hmong)
    # No Hmông sound (any more): the Hmông subtitles are shown instead.
    assert (unheard.audio_default, unheard.subtitle_default) == ("vi", "hmn")
    assert not unheard.several_audio

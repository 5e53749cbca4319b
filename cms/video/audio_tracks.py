"""Dubbed audio tracks: align a recording to its video, encode, publish.

A track is made without touching the picture ladder: the recording is padded with
silence or cut to the video's length, encoded to AAC once into HLS segments of the
ladder's length (so segment boundaries match), and remuxed without encoding with
the video's picture into an MP4 download in that language. Everything is stored
under ``media/renditions/<media>/tracks/<track>/<attempt>/`` before the track is
marked ready and a new play set (cms.video.playlists) is published.
"""

import logging
import posixpath
import tempfile
from datetime import timedelta
from pathlib import Path

import ffmpeg
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from cms.models import AudioTrack, LessonMedia
from cms.models.media import TranscodeStatus

from .pipeline import COPY_CHUNK_BYTES, RENDITIONS_ROOT, failure_reason
from .playlists import publish_play_set
from .probe import MediaInfo, MediaRejected, inspect_media
from .retirement import retire
from .stored_tree import delete_tree
from .transcode import SEGMENT_SECONDS, TranscodeError

logger = logging.getLogger(__name__)
TRACK_AUDIO_KBPS = 64  # as the ladder's sound-only variant
SAMPLE_RATE = 44100  # as the ladder, so players switch without resampling
MPEGTS_START_SECONDS = 1.4  # where ffmpeg's MPEG-TS muxer starts the clock
AAC_PRIMING_SECONDS = 1024 / SAMPLE_RATE  # the encoder's delay, which it shifts away


def track_prefix(track: AudioTrack, attempt: int) -> str:
    return f"{RENDITIONS_ROOT}/{track.media_id}/tracks/{track.pk}/{attempt}"


def check_recording(path: Path) -> MediaInfo:
    """Probe a dubbed recording (audio, or a phone video whose sound is used)."""
    info = inspect_media(path)
    if not info.has_audio:
        raise MediaRejected(_("This file has no sound."), code="no_sound")
    return info


def start_offset(original_start: float) -> float:
    """The timestamp shift that starts a track where the ladder's sound starts.

    The ladder's sound starts after the picture's reorder delay (B-frames), so a
    track encoded alone would be ahead of the picture by that much.
    """
    return max(0.0, original_start - MPEGTS_START_SECONDS + AAC_PRIMING_SECONDS)


def first_segment_start(path: Path) -> float:
    streams = ffmpeg.probe(str(path)).get("streams", [])
    return float(streams[0].get("start_time") or MPEGTS_START_SECONDS)


def encode_track(
    recording: Path, out_dir: Path, *, duration: float, offset: float = 0.0
) -> Path:
    """``out_dir/index.m3u8`` and its segments: the recording as long as the video,
    its timestamps shifted by ``offset`` seconds."""
    playlist = out_dir / "index.m3u8"
    sound = (
        ffmpeg.input(str(recording))
        .audio.filter("apad")
        .filter("atrim", duration=f"{duration:.3f}")
    )
    output = sound.output(
        str(playlist),
        acodec="aac",
        audio_bitrate=f"{TRACK_AUDIO_KBPS}k",
        ac=2,
        ar=SAMPLE_RATE,
        f="hls",
        hls_time=SEGMENT_SECONDS,
        hls_playlist_type="vod",
        hls_segment_filename=str(out_dir / "seg_%03d.ts"),
        output_ts_offset=f"{offset:.6f}",
    )
    _run(output.global_args("-nostdin"))
    return playlist


def remux_download(video: Path, playlist: Path, target: Path, *, language: str) -> Path:
    """The video's picture with the track's sound in one MP4, without encoding."""
    picture = ffmpeg.input(str(video)).video
    sound = ffmpeg.input(str(playlist)).audio
    output = ffmpeg.output(
        picture,
        sound,
        str(target),
        c="copy",
        **{"bsf:a": "aac_adtstoasc", "metadata:s:a:0": f"language={language}"},
        movflags="+faststart",
    )
    _run(output.global_args("-nostdin"))
    return target


def _run(stream) -> None:
    try:
        stream.run(quiet=True, overwrite_output=True)
    except ffmpeg.Error as error:
        raise TranscodeError((error.stderr or b"").decode(errors="replace")) from None


def _local(file_field_or_name, storage, workdir: Path, stem: str) -> Path:
    name = getattr(file_field_or_name, "name", file_field_or_name)
    try:
        return Path(storage.path(name))
    except NotImplementedError:
        target = workdir / f"{stem}{Path(name).suffix}"
        with storage.open(name, "rb") as remote, target.open("wb") as local:
            while chunk := remote.read(COPY_CHUNK_BYTES):
                local.write(chunk)
        return target


def request_track(*, track: AudioTrack) -> int:
    """Queue a fresh attempt for ``track`` once the transaction commits.

    A video still being processed for the first time has nothing to lay the track
    over: the track waits, and the video's transcoding queues it when it is ready.
    """
    with transaction.atomic():
        AudioTrack.objects.filter(pk=track.pk).update(
            attempt=F("attempt") + 1,
            status=TranscodeStatus.QUEUED,
            error="",
            lease_until=None,
        )
        track.refresh_from_db()
        attempt = track.attempt
        if track.media.is_ready:
            transaction.on_commit(
                lambda: make_audio_track.enqueue(track_id=track.pk, attempt=attempt)
            )
    return attempt


def add_audio_track(
    *, media: LessonMedia, language: str, source: Path, filename: str
) -> AudioTrack:
    """Store a dubbed recording for ``media`` in ``language`` and queue its making.

    The recording is probed first (MediaRejected: nothing is stored); one in a
    language the video already has replaces it, and the old track plays until the
    new one is published.
    """
    check_recording(source)
    with transaction.atomic():
        track = (
            AudioTrack.objects.select_for_update()
            .filter(media=media, language=language)
            .first()
        ) or AudioTrack(media=media, language=language)
        with source.open("rb") as handle:
            track.recording.save(Path(filename).name, File(handle), save=False)
        track.save()
        request_track(track=track)
    return track


def requeue_tracks(*, media_id: int) -> None:
    """After a new ladder: every track again (its download holds the old picture)."""
    for track in AudioTrack.objects.filter(media_id=media_id).select_related("media"):
        request_track(track=track)


def _attempt(track_id: int, attempt: int):
    return AudioTrack.objects.filter(pk=track_id, attempt=attempt)


def _lease_until():
    return timezone.now() + timedelta(seconds=settings.MEDIA_TRANSCODE_LEASE_SECONDS)


def _renew(track_id: int, attempt: int) -> None:
    _attempt(track_id, attempt).filter(status=TranscodeStatus.PROCESSING).update(
        lease_until=_lease_until()
    )


def run_track(*, track_id: int, attempt: int) -> str:
    """Make one attempt of a track; returns ready, failed, superseded or skipped."""
    claimed = (
        _attempt(track_id, attempt)
        .filter(status=TranscodeStatus.QUEUED)
        .update(status=TranscodeStatus.PROCESSING, lease_until=_lease_until())
    )
    if not claimed:
        return "skipped"
    track = AudioTrack.objects.select_related("media").get(pk=track_id)
    media = track.media
    if not media.is_ready or not media.duration or not media.download_file:
        _attempt(track_id, attempt).update(status=TranscodeStatus.QUEUED)
        return "skipped"  # queued again when the video is ready
    previous = posixpath.dirname(track.playlist) if track.playlist else ""
    prefix = track_prefix(track, attempt)
    uploaded = False
    try:
        with tempfile.TemporaryDirectory(prefix="track-") as workdir:
            work = Path(workdir)
            recording = _local(track.recording, track.recording.storage, work, "rec")
            check_recording(recording)
            _renew(track_id, attempt)
            out = work / "out"
            out.mkdir()
            original = next(r for r in media.renditions if not r.get("short_side"))
            segment = original["playlist"].replace("index.m3u8", "seg_000.ts")
            offset = start_offset(
                first_segment_start(_local(segment, default_storage, work, "seg"))
            )
            playlist = encode_track(
                recording, out, duration=float(media.duration), offset=offset
            )
            _renew(track_id, attempt)
            video = _local(media.download_file, default_storage, work, "video")
            download = remux_download(
                video, playlist, out / "download.mp4", language=track.language
            )
            audio_bytes = sum(p.stat().st_size for p in out.iterdir() if p != download)
            download_bytes = download.stat().st_size
            _renew(track_id, attempt)
            uploaded = True
            delete_tree(prefix)
            for path in sorted(out.iterdir()):
                with path.open("rb") as handle:
                    default_storage.save(
                        f"{prefix}/{path.name}", File(handle, name=path.name)
                    )
        done = (
            _attempt(track_id, attempt)
            .filter(status=TranscodeStatus.PROCESSING)
            .update(
                status=TranscodeStatus.READY,
                lease_until=None,
                playlist=f"{prefix}/index.m3u8",
                audio_bytes=audio_bytes,
                download_file=f"{prefix}/download.mp4",
                download_bytes=download_bytes,
            )
        )
        if not done:
            delete_tree(prefix)
            return "superseded"
    except Exception as error:
        logger.exception("Audio track %s attempt %s failed", track_id, attempt)
        if uploaded:
            delete_tree(prefix)
        _attempt(track_id, attempt).update(
            status=TranscodeStatus.FAILED, error=failure_reason(error), lease_until=None
        )
        return "failed"
    publish_play_set(media_id=media.pk)
    if previous and previous != prefix:
        retire(prefix=previous)  # players of the old master still fetch it
    return "ready"


@task(queue_name="video")
def make_audio_track(track_id: int, attempt: int) -> str:
    return run_track(track_id=track_id, attempt=attempt)

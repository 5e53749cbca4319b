"""Probe an upload with ffmpeg and decide whether the platform can use it.

``inspect_media`` returns what the transcoder needs (kind, duration, size, picture
size) or raises ``MediaRejected`` with a Vietnamese sentence for the person uploading.
"""

import subprocess
from dataclasses import dataclass
from pathlib import Path

import ffmpeg
from django.conf import settings
from django.utils.translation import gettext as _

# Leading bytes of the containers phones and cameras produce: a file that starts
# like one of these but cannot be read is damaged, not of the wrong kind.
_MEDIA_SIGNATURES = (
    (4, b"ftyp"),  # MP4, MOV, 3GP, M4A
    (0, b"RIFF"),  # AVI, WAV
    (0, b"OggS"),
    (0, b"\x1a\x45\xdf\xa3"),  # Matroska, WebM
    (0, b"ID3"),  # MP3 with tags
    (0, b"fLaC"),
    (0, b"FORM"),  # AIFF
    (0, b"\x00\x00\x01\xba"),  # MPEG-PS
    (0, b"\x00\x00\x00\x01"),  # raw H.264
)
_DECODE_ERRORS = ("partial file", "invalid data", "error while decoding", "corrupt")
# Cover art in audio files is reported as a video stream; it is not a picture to play.
_STILL_DISPOSITION = "attached_pic"


class MediaRejected(Exception):
    """An upload the platform cannot use; ``message`` is shown to the uploader."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class MediaInfo:
    kind: str  # "video" or "audio"
    duration: float
    size_bytes: int
    width: int | None
    height: int | None
    has_audio: bool
    frame_rate: float | None = None

    @property
    def short_side(self) -> int | None:
        if self.width is None or self.height is None:
            return None
        return min(self.width, self.height)


def _looks_like_media(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(16)
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return True  # MPEG audio frame sync (MP3 without tags, ADTS AAC)
    return any(head[at : at + len(magic)] == magic for at, magic in _MEDIA_SIGNATURES)


def _rotation(stream: dict) -> int:
    for side in stream.get("side_data_list", []):
        if "rotation" in side:
            return abs(int(side["rotation"])) % 180
    return abs(int(stream.get("tags", {}).get("rotate", 0))) % 180


def _frame_rate(stream: dict) -> float | None:
    num, _slash, den = (stream.get("avg_frame_rate") or "0/0").partition("/")
    try:
        rate = float(num) / float(den or 1)
    except (ValueError, ZeroDivisionError):
        return None
    return rate or None


def _decodes(path: Path, *, start: float, streams: list[str]) -> bool:
    """Decode two seconds from ``start``; False if ffmpeg reports damaged data."""
    command = ["ffmpeg", "-v", "error", "-nostdin", "-ss", f"{start:.3f}"]
    command += ["-i", str(path), "-t", "2"]
    for stream in streams:
        command += ["-map", stream]
    command += ["-f", "null", "-"]
    result = subprocess.run(  # noqa: S603
        command, capture_output=True, text=True, timeout=120, check=False
    )
    stderr = result.stderr.lower()
    return result.returncode == 0 and not any(e in stderr for e in _DECODE_ERRORS)


def inspect_media(path: Path, *, expected_kind: str | None = None) -> MediaInfo:
    """Probe the file at ``path``; raise MediaRejected when it cannot be used."""
    path = Path(path)
    size = path.stat().st_size
    if size == 0:
        raise MediaRejected(_("The file is empty."), code="empty")
    if size > settings.MEDIA_MAX_BYTES:
        raise MediaRejected(
            _("The file is too large: %(size)s MB, at most %(max)s MB allowed.")
            % {
                "size": round(size / 1024**2),
                "max": round(settings.MEDIA_MAX_BYTES / 1024**2),
            },
            code="too_large",
        )
    try:
        probe = ffmpeg.probe(str(path))
    except ffmpeg.Error as error:
        if _looks_like_media(path):
            raise MediaRejected(
                _(
                    "The file is damaged or was not uploaded completely; "
                    "please export or copy it again and upload it once more."
                ),
                code="damaged",
            ) from error
        raise MediaRejected(
            _("This file is not an audio or video file."), code="not_media"
        ) from error

    streams = probe.get("streams", [])
    video = [
        s
        for s in streams
        if s.get("codec_type") == "video"
        and s.get("codec_name")
        and not s.get("disposition", {}).get(_STILL_DISPOSITION)
    ]
    audio = [
        s for s in streams if s.get("codec_type") == "audio" and s.get("codec_name")
    ]
    if not video and not audio:
        raise MediaRejected(
            _("The file contains no sound or picture that can be played."),
            code="no_stream",
        )
    kind = "video" if video else "audio"
    if expected_kind == "video" and kind != "video":
        raise MediaRejected(
            _("This file has sound but no picture: please add it as audio."),
            code="no_video",
        )

    duration = float(probe.get("format", {}).get("duration") or 0)
    if duration <= 0:
        duration = max((float(s.get("duration") or 0) for s in streams), default=0)
    if duration <= 0:
        raise MediaRejected(
            _("The file contains no sound or picture that can be played."),
            code="no_stream",
        )
    if duration > settings.MEDIA_MAX_SECONDS:
        raise MediaRejected(
            _(
                "The recording is too long: %(minutes)s minutes, "
                "at most %(max)s allowed."
            )
            % {
                "minutes": round(duration / 60),
                "max": round(settings.MEDIA_MAX_SECONDS / 60),
            },
            code="too_long",
        )

    chosen = ["0:v:0"] if video else []
    chosen += ["0:a:0"] if audio else []
    if not _decodes(path, start=0, streams=chosen) or not _decodes(
        path, start=max(0.0, duration - 2), streams=chosen
    ):
        raise MediaRejected(
            _(
                "The file is damaged or was not uploaded completely; "
                "please export or copy it again and upload it once more."
            ),
            code="damaged",
        )

    width = height = None
    if video:
        width, height = int(video[0]["width"]), int(video[0]["height"])
        if _rotation(video[0]) == 90:
            width, height = height, width
    return MediaInfo(
        kind=kind,
        duration=duration,
        size_bytes=size,
        width=width,
        height=height,
        has_audio=bool(audio),
        frame_rate=_frame_rate(video[0]) if video else None,
    )

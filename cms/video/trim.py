"""Cut the start and end off a clip into a new file; the source is only read.

The trimmed copy is re-encoded at a high quality (it is transcoded again into the
ladder afterwards), so the cut falls on the exact second asked, not on a keyframe.
"""

from pathlib import Path

import ffmpeg

from .transcode import TranscodeError


def trim_suffix(kind: str) -> str:
    return ".mp4" if kind == "video" else ".m4a"


def trim(source: Path, target: Path, *, start: float, end: float, kind: str) -> Path:
    """Write ``source`` from ``start`` to ``end`` seconds into ``target``."""
    if not 0 <= start < end:
        raise ValueError("the start must come before the end")
    stream = ffmpeg.input(str(source), ss=f"{start:.3f}", to=f"{end:.3f}")
    if kind == "video":
        options = {
            "vcodec": "libx264",
            "preset": "veryfast",
            "crf": 18,
            "pix_fmt": "yuv420p",
            "acodec": "aac",
            "movflags": "+faststart",
        }
    else:
        options = {"vn": None, "acodec": "aac", "audio_bitrate": "128k"}
    try:
        stream.output(str(target), **options).overwrite_output().run(
            quiet=True, cmd=["ffmpeg", "-nostdin"]
        )
    except ffmpeg.Error as error:
        raise TranscodeError((error.stderr or b"").decode(errors="replace")) from error
    return target

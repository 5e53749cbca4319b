"""One ffmpeg run from an original to a complete HLS ladder in a local directory.

All video renditions and the audio-only variant come from a single ffmpeg process
(decode once, scale several times), which on two cores is what keeps the whole ladder
faster than real time. The download file is then remuxed from the 360p segments
without encoding again, and a poster and thumbnail are cut from the original.

Layout of ``out_dir``::

    master.m3u8
    240p/index.m3u8  240p/seg_000.ts ...   (one directory per rendition)
    audio/index.m3u8 audio/seg_000.ts ...  (audio-only variant, AAC)
    download.mp4 (download.m4a for audio)  thumbnail.jpg
    poster-320.jpg poster-640.jpg poster-1280.jpg  (no wider than the source)
"""

import contextlib
import ctypes
import re
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import ffmpeg
from django.conf import settings

from .ladder import Rendition, choose_ladder, download_rendition
from .probe import MediaInfo

SEGMENT_SECONDS = 4  # HLS segments are cut at keyframes: 4 s, never above 6 s
KEYFRAME_SECONDS = 2
MAX_FRAME_RATE = 30
THUMBNAIL_WIDTH = 320
# A 360 px phone takes the 320 or 640 poster, a desktop column the 1280 one.
POSTER_WIDTHS = (320, 640, 1280)
FALLBACK_POSTER_WIDTH = 640  # the <img src> for browsers without srcset
_PR_SET_PDEATHSIG = 1
_OUT_TIME = re.compile(r"^out_time_(?:us|ms)=(\d+)$")


class TranscodeError(Exception):
    """ffmpeg failed; ``detail`` holds the end of its error output."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


@dataclass
class TranscodeResult:
    master: str  # paths relative to out_dir
    renditions: list[dict] = field(default_factory=list)
    download: str = ""
    download_bytes: int | None = None
    poster: str = ""
    posters: dict[str, str] = field(default_factory=dict)  # {"320": name}
    thumbnail: str = ""


def _scale(info: MediaInfo, short_side: int) -> str:
    if (info.width or 0) >= (info.height or 0):
        return f"scale=-2:{short_side}:flags=bilinear"
    return f"scale={short_side}:-2:flags=bilinear"


def ladder_command(
    source: Path,
    out_dir: Path,
    *,
    info: MediaInfo,
    ladder: list[Rendition],
    preset: str,
    presets: dict[str, str] | None = None,
    threads: int | None = None,
) -> list[str]:
    """The ffmpeg command line producing every rendition of ``ladder``.

    ``presets`` overrides the x264 preset of named renditions (e.g. a faster one
    for 720p, which costs most of the CPU).
    """
    presets = presets or {}
    video = [r for r in ladder if not r.is_audio_only]
    audio_only = [r for r in ladder if r.is_audio_only]
    command = ["ffmpeg", "-hide_banner", "-nostdin", "-y", "-v", "error"]
    command += ["-progress", "pipe:1", "-nostats", "-i", str(source)]
    if threads:
        command += ["-threads", str(threads)]
    stream_map = []
    if video:
        fps = ""
        if info.frame_rate and info.frame_rate > MAX_FRAME_RATE + 1:
            fps = f"fps={MAX_FRAME_RATE},"
        splits = "".join(f"[s{i}]" for i in range(len(video)))
        graph = [f"[0:v:0]{fps}format=yuv420p,split={len(video)}{splits}"]
        graph += [
            f"[s{i}]{_scale(info, r.short_side)}[v{i}]" for i, r in enumerate(video)
        ]
        command += ["-filter_complex", ";".join(graph)]
    audio_index = 0
    for i, rendition in enumerate(video):
        command += ["-map", f"[v{i}]"]
        command += [
            f"-b:v:{i}",
            f"{rendition.video_kbps}k",
            f"-maxrate:v:{i}",
            f"{rendition.maxrate_kbps}k",
            f"-bufsize:v:{i}",
            f"{rendition.bufsize_kbps}k",
        ]
        entry = f"v:{i}"
        if info.has_audio:
            command += [
                "-map",
                "0:a:0",
                f"-b:a:{audio_index}",
                f"{rendition.audio_kbps}k",
            ]
            entry += f",a:{audio_index}"
            audio_index += 1
        stream_map.append(f"{entry},name:{rendition.name}")
    for rendition in audio_only:
        command += ["-map", "0:a:0", f"-b:a:{audio_index}", f"{rendition.audio_kbps}k"]
        stream_map.append(f"a:{audio_index},name:{rendition.name}")
        audio_index += 1
    if video:
        command += ["-c:v", "libx264", "-profile:v", "main"]
        for i, rendition in enumerate(video):
            command += [f"-preset:v:{i}", presets.get(rendition.name, preset)]
        command += ["-force_key_frames", f"expr:gte(t,n_forced*{KEYFRAME_SECONDS})"]
    if info.has_audio:
        command += ["-c:a", "aac", "-ac", "2", "-ar", "44100"]
    command += [
        "-f",
        "hls",
        "-hls_time",
        str(SEGMENT_SECONDS),
        "-hls_playlist_type",
        "vod",
        "-hls_flags",
        "independent_segments+temp_file",
        "-hls_segment_filename",
        str(out_dir / "%v" / "seg_%03d.ts"),
        "-master_pl_name",
        "master.m3u8",
        "-var_stream_map",
        " ".join(stream_map),
        str(out_dir / "%v" / "index.m3u8"),
    ]
    return command


def _run(command: list[str]) -> None:
    result = subprocess.run(  # noqa: S603
        command, capture_output=True, text=True, timeout=600, check=False
    )
    if result.returncode != 0:
        raise TranscodeError(result.stderr[-2000:])


def _die_with_parent() -> None:
    """In the ffmpeg child: get SIGKILL when the worker dies (Linux), not run on."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(
            _PR_SET_PDEATHSIG, signal.SIGKILL
        )


def run_with_progress(
    command: list[str],
    *,
    duration: float,
    on_progress: Callable[[int], None] | None = None,
) -> None:
    """Run ffmpeg, calling ``on_progress(percent)`` as its progress output moves.

    Whatever ``on_progress`` raises stops ffmpeg (it is killed, never left behind).
    """
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(  # noqa: S603
            command,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
        try:
            last = -1
            for line in process.stdout:
                match = _OUT_TIME.match(line.strip())
                if not match or duration <= 0:
                    continue
                percent = min(99, int(int(match.group(1)) / 1e6 / duration * 100))
                if percent > last and on_progress:
                    on_progress(percent)
                last = max(last, percent)
            process.wait()
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            process.stdout.close()
        if process.returncode != 0:
            errors.seek(0)
            raise TranscodeError(errors.read()[-2000:].decode(errors="replace"))


def _still(source: Path, target: Path, *, at: float, scale: str) -> None:
    _run(
        ["ffmpeg", "-v", "error", "-nostdin", "-y", "-ss", f"{at:.2f}"]
        + ["-i", str(source), "-frames:v", "1", "-vf", scale, "-q:v", "4"]
        + [str(target)]
    )


def poster_widths(width: int) -> list[int]:
    """Poster widths for a picture ``width`` px wide: never wider than it."""
    return [w for w in POSTER_WIDTHS if w <= width] or [width - width % 2]


def make_posters(
    source: Path, out_dir: Path, *, at: float, width: int
) -> dict[str, str]:
    """Cut one frame at ``at`` seconds into posters of each width, in one ffmpeg run."""
    widths = poster_widths(width)
    frames = ffmpeg.input(str(source), ss=f"{at:.2f}").video.filter_multi_output(
        "split", len(widths)
    )
    names = {str(w): f"poster-{w}.jpg" for w in widths}
    outputs = [
        frames[i]
        .filter("scale", w, -2)
        .output(str(out_dir / names[str(w)]), vframes=1, **{"q:v": 4})
        for i, w in enumerate(widths)
    ]
    try:
        ffmpeg.merge_outputs(*outputs).global_args("-nostdin").run(
            quiet=True, overwrite_output=True
        )
    except ffmpeg.Error as error:
        raise TranscodeError((error.stderr or b"").decode(errors="replace")) from None
    return names


def transcode(
    source: Path,
    out_dir: Path,
    *,
    info: MediaInfo,
    on_progress: Callable[[int], None] | None = None,
    preset: str | None = None,
    presets: dict[str, str] | None = None,
    threads: int | None = None,
) -> TranscodeResult:
    """Make the whole ladder of ``source`` inside the empty directory ``out_dir``."""
    ladder = choose_ladder(short_side=info.short_side, has_audio=info.has_audio)
    for rendition in ladder:
        (out_dir / rendition.name).mkdir(parents=True, exist_ok=True)
    command = ladder_command(
        source,
        out_dir,
        info=info,
        ladder=ladder,
        preset=preset or settings.MEDIA_TRANSCODE_PRESET,
        presets=settings.MEDIA_TRANSCODE_PRESETS if presets is None else presets,
        threads=threads,
    )
    run_with_progress(command, duration=info.duration, on_progress=on_progress)

    result = TranscodeResult(master="master.m3u8")
    for rendition in ladder:
        result.renditions.append(
            {
                "name": rendition.name,
                "short_side": rendition.short_side,
                "bandwidth": rendition.bandwidth,
                "playlist": f"{rendition.name}/index.m3u8",
                "bytes": sum(
                    p.stat().st_size for p in (out_dir / rendition.name).iterdir()
                ),
            }
        )

    offered = download_rendition(ladder)
    result.download = "download.m4a" if offered.is_audio_only else "download.mp4"
    remux = ["ffmpeg", "-v", "error", "-nostdin", "-y"]
    remux += ["-i", str(out_dir / offered.name / "index.m3u8"), "-c", "copy"]
    if info.has_audio:
        remux += ["-bsf:a", "aac_adtstoasc"]
    _run(remux + ["-movflags", "+faststart", str(out_dir / result.download)])
    result.download_bytes = (out_dir / result.download).stat().st_size

    if info.kind == "video":
        at = min(1.0, info.duration / 3)
        result.posters = make_posters(source, out_dir, at=at, width=info.width or 1280)
        fitting = [w for w in result.posters if int(w) <= FALLBACK_POSTER_WIDTH]
        result.poster = result.posters[(fitting or list(result.posters))[-1]]
        _still(
            source,
            out_dir / "thumbnail.jpg",
            at=at,
            scale=f"scale={THUMBNAIL_WIDTH}:-2",
        )
        result.thumbnail = "thumbnail.jpg"
    if on_progress:
        on_progress(100)
    return result

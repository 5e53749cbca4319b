"""Added transcode time per dubbed audio track, for a generated 1-minute 720p video.

Run: .venv/bin/python bench/audio_track.py [--seconds 60] [--tracks 2]

Makes the video ladder once (as the worker does: ``transcode.transcode``), then
each dubbed track as ``audio_tracks`` makes it (align and encode AAC into HLS
segments, remux the MP4 download in that language), and the new master playlist.
Prints the seconds of each step, wall and CPU, and the ratio of one track to the
ladder. Wall times depend on what else the machine runs; CPU seconds less so.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from cms.video.audio_tracks import (  # noqa: E402
    encode_track,
    first_segment_start,
    remux_download,
    start_offset,
)
from cms.video.playlists import (  # noqa: E402
    AudioRendition,
    ladder_variants,
    master_text,
)
from cms.video.probe import inspect_media  # noqa: E402
from cms.video.transcode import transcode  # noqa: E402


def generate(path: Path, *args: str) -> Path:
    subprocess.run(
        ["ffmpeg", "-v", "error", "-nostdin", "-y", *args, str(path)], check=True
    )
    return path


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(step):
    wall, cpu = time.perf_counter(), children_cpu()
    result = step()
    return result, time.perf_counter() - wall, children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--tracks", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-track-") as tmp:
        root = Path(tmp)
        source = generate(
            root / "source.mp4",
            *("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30"),
            *("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"),
            *("-t", str(args.seconds), "-c:v", "libx264", "-preset", "ultrafast"),
            *("-pix_fmt", "yuv420p", "-c:a", "aac"),
        )
        info = inspect_media(source)
        ladder_dir = root / "ladder"
        ladder_dir.mkdir()
        result, ladder_wall, ladder_cpu = timed(
            lambda: transcode(source, ladder_dir, info=info)
        )
        print(
            f"video ladder ({args.seconds} s 720p, "
            f"{', '.join(r['name'] for r in result.renditions)}): "
            f"{ladder_wall:.1f} s wall, {ladder_cpu:.1f} s CPU"
        )
        original_start = first_segment_start(ladder_dir / "audio" / "seg_000.ts")
        walls, cpus = [], []
        for number in range(1, args.tracks + 1):
            # A phone recording: mono 48 kHz, a few seconds shorter than the video.
            recording = generate(
                root / f"dub-{number}.m4a",
                *("-f", "lavfi", "-i", f"sine=frequency={200 + 50 * number}"),
                *("-t", str(args.seconds - 3), "-ac", "1", "-ar", "48000"),
            )
            out = root / f"track-{number}"
            out.mkdir()

            def make(out=out, recording=recording, number=number):
                playlist = encode_track(
                    recording,
                    out,
                    duration=info.duration,
                    offset=start_offset(original_start),
                )
                remux_download(
                    ladder_dir / result.download,
                    playlist,
                    out / "download.mp4",
                    language="hmn",
                )
                variants = ladder_variants(
                    (ladder_dir / "master.m3u8").read_text(),
                    [
                        {**r, "playlist": f"ladder/{r['playlist']}"}
                        for r in result.renditions
                    ],
                )
                return master_text(
                    directory="ladder/play/x",
                    variants=variants,
                    audio=[
                        AudioRendition("vi", "ladder/audio/index.m3u8"),
                        AudioRendition("hmn", f"track-{number}/index.m3u8"),
                    ],
                    subtitles=[],
                )

            _master, wall, cpu = timed(make)
            walls.append(wall)
            cpus.append(cpu)
            print(f"audio track {number}: {wall:.2f} s wall, {cpu:.2f} s CPU")
        wall, cpu = sum(walls) / len(walls), sum(cpus) / len(cpus)
        print(
            f"added per audio track: {wall:.2f} s wall "
            f"({wall / ladder_wall:.1%} of the ladder), "
            f"{cpu:.2f} s CPU ({cpu / ladder_cpu:.1%} of the ladder)"
        )


if __name__ == "__main__":
    main()

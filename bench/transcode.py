"""Transcoding speed and output size for a generated 60 s 720p clip with sound.

Run: .venv/bin/python bench/transcode.py [--seconds 60] [--preset superfast ...]
     [--preset-720p ultrafast] [--threads 0]

Prints, per x264 preset (``--preset-720p`` overrides it for 720p; the default is
the setting MEDIA_TRANSCODE_PRESETS; ``--preset-720p same`` uses one preset): wall
time of each rendition made alone and of the whole ladder in one ffmpeg run (as a
multiple of real time: 2.0x means a minute of video takes 30 s), the output size
per minute of video of each rendition, and the time until the first 240p segment
exists (a complete file, thanks to temp_file).

Wall times depend on what else the machine runs, so the CPU time ffmpeg used is
printed too, with ``x real idle``: the multiple of real time on two otherwise idle
cores (CPU seconds spread over both, an upper bound when ffmpeg parallelises well).
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from cms.video.ladder import choose_ladder  # noqa: E402
from cms.video.probe import inspect_media  # noqa: E402
from cms.video.transcode import ladder_command, run_with_progress  # noqa: E402


def make_clip(path: Path, seconds: int) -> None:
    subprocess.run(
        ["ffmpeg", "-v", "error", "-nostdin", "-y"]
        + ["-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30"]
        + ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"]
        + ["-t", str(seconds), "-c:v", "libx264", "-preset", "ultrafast"]
        + ["-crf", "18", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k"]
        + [str(path)],
        check=True,
    )


def size_of(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())


def run(source, info, ladder, *, preset, presets, threads, watch=None):
    """Wall and CPU seconds of one ffmpeg run, sizes, and (with ``watch``) the
    seconds until that file exists."""
    with tempfile.TemporaryDirectory(prefix="bench-transcode-") as tmp:
        out = Path(tmp)
        for rendition in ladder:
            (out / rendition.name).mkdir()
        command = ladder_command(
            source,
            out,
            info=info,
            ladder=ladder,
            preset=preset,
            presets=presets,
            threads=threads,
        )
        first = {}
        done = threading.Event()

        def poll():
            target = out / watch
            while not done.is_set():
                if target.exists():
                    first["at"] = time.perf_counter()
                    return
                time.sleep(0.02)

        cpu_before = _children_cpu()
        started = time.perf_counter()
        if watch:
            threading.Thread(target=poll, daemon=True).start()
        run_with_progress(command, duration=info.duration)
        wall = time.perf_counter() - started
        cpu = _children_cpu() - cpu_before
        done.set()
        sizes = {r.name: size_of(out / r.name) for r in ladder}
    first_at = first.get("at", started + wall) - started if watch else None
    return wall, cpu, sizes, first_at


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def row(name, duration, wall, cpu, per_minute) -> str:
    """``x real idle``: the speed if ffmpeg had both cores to itself (CPU-bound)."""
    idle = duration / max(cpu / min(2, os.cpu_count() or 1), 1e-3)
    return (
        f"{name:<12}{wall:>8.1f}{duration / wall:>7.1f}x{cpu:>8.1f}"
        f"{idle:>11.1f}x{per_minute:>9.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--preset", nargs="+", default=["superfast"])
    parser.add_argument(
        "--preset-720p", default=settings.MEDIA_TRANSCODE_PRESETS.get("720p", "same")
    )
    parser.add_argument("--threads", type=int, default=0, help="0: ffmpeg decides")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-source-") as tmp:
        source = Path(tmp) / "source-720p.mp4"
        make_clip(source, args.seconds)
        info = inspect_media(source)
        ladder = choose_ladder(short_side=info.short_side, has_audio=info.has_audio)
        minutes = info.duration / 60
        print(
            f"source: {info.width}x{info.height}, {info.duration:.0f} s, "
            f"{source.stat().st_size / 1e6:.1f} MB; cores: {os.cpu_count()}; "
            f"load average: {os.getloadavg()[0]:.1f}"
        )
        for preset in args.preset:
            presets = {} if args.preset_720p == "same" else {"720p": args.preset_720p}
            print(
                f"\npreset {preset}, 720p {presets.get('720p', preset)}, "
                f"threads {args.threads or 'auto'}"
            )
            print(
                f"{'rendition':<12}{'wall s':>8}{'x real':>8}{'cpu s':>8}"
                f"{'x real idle':>12}{'MB/min':>9}"
            )
            for rendition in ladder:
                wall, cpu, sizes, _ = run(
                    source,
                    info,
                    [rendition],
                    preset=preset,
                    presets=presets,
                    threads=args.threads,
                )
                per_minute = sizes[rendition.name] / minutes / 1e6
                print(row(rendition.name, info.duration, wall, cpu, per_minute))
            wall, cpu, sizes, first = run(
                source,
                info,
                ladder,
                preset=preset,
                presets=presets,
                threads=args.threads,
                watch="240p/seg_000.ts",
            )
            total = sum(sizes.values()) / minutes / 1e6
            print(row("whole ladder", info.duration, wall, cpu, total))
            idle_wall = cpu / min(2, os.cpu_count() or 1)
            print(
                f"first 240p segment after {first:.1f} s "
                f"(~{first * min(1.0, idle_wall / wall):.1f} s scaled to idle cores)"
            )
            print(f"load average now: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

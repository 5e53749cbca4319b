"""Demo content: one short generated video lesson that the worker transcodes."""

import subprocess
import tempfile
from pathlib import Path

from django.core.files import File

from cms.models import LessonMedia

from .services import request_transcode

DEMO_TITLE = "Video mẫu: hình thử và âm thanh 440 Hz"
DEMO_SECONDS = 15


def generate_clip(path: Path, *, seconds: int = DEMO_SECONDS) -> Path:
    """A 720p clip with sound from ffmpeg's built-in test sources."""
    subprocess.run(  # noqa: S603
        ["ffmpeg", "-v", "error", "-nostdin", "-y"]  # noqa: S607
        + ["-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25"]
        + ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100"]
        + ["-t", str(seconds), "-c:v", "libx264", "-preset", "veryfast"]
        + ["-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart"]
        + [str(path)],
        check=True,
        timeout=300,
    )
    return path


def demo_video(*, seconds: int = DEMO_SECONDS) -> LessonMedia:
    """The demo video, created and queued for transcoding once (safe to rerun)."""
    existing = LessonMedia.objects.filter(title=DEMO_TITLE).first()
    if existing is not None:
        return existing
    with tempfile.TemporaryDirectory(prefix="demo-video-") as tmp:
        clip = generate_clip(Path(tmp) / "video-mau-720p.mp4", seconds=seconds)
        with clip.open("rb") as handle:
            media = LessonMedia.objects.create(
                title=DEMO_TITLE,
                type="video",
                file=File(handle, name=clip.name),
                width=1280,
                height=720,
                duration=seconds,
                size_bytes=clip.stat().st_size,
            )
    request_transcode(media=media)
    return media

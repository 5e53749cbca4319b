"""Demo content: short generated video lessons that the worker transcodes.

One of them, in the Tả Van SRI lesson, has a Hmông dubbed track and Vietnamese
and Hmông subtitles; its sound, picture and words are generated, and the lesson
says so.
"""

import subprocess
import tempfile
from pathlib import Path

from django.core.files import File

from cms.models import AudioTrack, LessonMedia, LessonPage
from cms.translations import vietnamese_only

from .audio_tracks import request_track
from .services import request_transcode
from .subtitles import add_subtitles

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


SRI_TITLE = "Video mẫu SRI: tiếng Hmông và phụ đề"
SRI_LESSON_SLUG = "sri-la-gi"
SRI_SECONDS = 12
SRI_CAPTION = (
    "Video mẫu để thử chọn ngôn ngữ: hình, tiếng thuyết minh tiếng Hmông và phụ đề "
    "tiếng Việt, tiếng Hmông đều được tạo tự động, không phải bài giảng thật."
)
SRI_SUBTITLES = {
    "vi": [
        "Video mẫu: phụ đề tiếng Việt được tạo tự động.",
        "Cấy mạ non, khi mạ có 2 – 2,5 lá.",
        "Cấy thưa, mỗi khóm 1 – 2 dảnh.",
    ],
    "hmn": [
        "Video piv txwv: cov lus no yog tsim los ntawm lub tshuab.",
        "Cog yub hluas.",
        "Cog kom deb deb.",
    ],
}


def _webvtt(lines: list[str], *, seconds: int) -> bytes:
    step = seconds / len(lines)
    cues = [
        f"00:{int(i * step):02d}.000 --> 00:{int((i + 1) * step):02d}.000\n{line}\n"
        for i, line in enumerate(lines)
    ]
    return ("WEBVTT\n\n" + "\n".join(cues)).encode()


def _generate(path: Path, *inputs: str) -> Path:
    subprocess.run(  # noqa: S603
        ["ffmpeg", "-v", "error", "-nostdin", "-y", *inputs, str(path)],  # noqa: S607
        check=True,
        timeout=300,
    )
    return path


def sri_video(*, seconds: int = SRI_SECONDS) -> LessonMedia:
    """The SRI demo video with its Hmông track and subtitles, made once.

    The worker transcodes the picture; the track waits for it, and both lists of
    subtitles go into the master playlist when it is published.
    """
    existing = LessonMedia.objects.filter(title=SRI_TITLE).first()
    if existing is not None:
        return existing
    with tempfile.TemporaryDirectory(prefix="demo-sri-") as tmp:
        clip = _generate(
            Path(tmp) / "video-mau-sri.mp4",
            *("-f", "lavfi", "-i", "testsrc2=size=854x480:rate=25"),
            *("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100"),
            *("-t", str(seconds), "-c:v", "libx264", "-preset", "ultrafast"),
            *("-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart"),
        )
        # A "phone recording": mono, another rate, a little shorter than the video.
        dub = _generate(
            Path(tmp) / "thuyet-minh-hmong.m4a",
            *(
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=220:beep_factor=4:sample_rate=48000",
            ),
            *("-t", str(seconds - 1), "-ac", "1", "-c:a", "aac"),
        )
        with clip.open("rb") as handle:
            media = LessonMedia.objects.create(
                title=SRI_TITLE,
                type="video",
                file=File(handle, name=clip.name),
                width=854,
                height=480,
                duration=seconds,
                size_bytes=clip.stat().st_size,
            )
        with dub.open("rb") as handle:
            track = AudioTrack.objects.create(
                media=media, language="hmn", recording=File(handle, name=dub.name)
            )
    for language, lines in SRI_SUBTITLES.items():
        add_subtitles(
            media=media,
            language=language,
            data=_webvtt(lines, seconds=seconds),
            on_by_default=language == "vi",
        )
    request_track(track=track)
    request_transcode(media=media)
    return media


def attach_sri_video(media: LessonMedia) -> LessonPage | None:
    """Put the SRI demo video at the top of the Tả Van lesson ``sri-la-gi``, once."""
    lesson = (
        vietnamese_only(LessonPage.objects.filter(slug=SRI_LESSON_SLUG))
        .order_by("pk")
        .first()
    )
    if lesson is None:
        return None
    # The Hmông version (cms/demo/translation.py) was copied before the video came.
    for version in [lesson, *lesson.get_translations().specific()]:
        if any(block.block_type == "video" for block in version.body):
            continue
        version.body.insert(0, ("video", {"video": media, "caption": SRI_CAPTION}))
        version.save_revision().publish()
    return lesson

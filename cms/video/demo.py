"""Demo content: short generated video lessons that the worker transcodes.

One of them, in the Tả Van SRI lesson, has a Hmông dubbed track and Vietnamese
and Hmông subtitles; its sound, picture and words are generated, and the lesson
says so.
"""

import tempfile
from pathlib import Path

import ffmpeg
from django.core.files import File

from cms.models import AudioTrack, LessonMedia, LessonPage
from cms.translations import vietnamese_only

from .audio_tracks import request_track
from .services import request_transcode
from .subtitles import add_subtitles

DEMO_TITLE = "Video mẫu: hình thử và âm thanh 440 Hz"
DEMO_SECONDS = 15


def generate_clip(
    path: Path,
    *,
    seconds: int = DEMO_SECONDS,
    size: str = "1280x720",
    preset: str = "veryfast",
) -> Path:
    """A clip with sound from ffmpeg's built-in test sources (720p by default)."""
    picture = ffmpeg.input(f"testsrc2=size={size}:rate=25", f="lavfi")
    sound = ffmpeg.input("sine=frequency=440:sample_rate=44100", f="lavfi")
    _run(
        ffmpeg.output(
            picture,
            sound,
            str(path),
            t=seconds,
            vcodec="libx264",
            preset=preset,
            pix_fmt="yuv420p",
            acodec="aac",
            movflags="+faststart",
        )
    )
    return path


def generate_recording(path: Path, *, seconds: int) -> Path:
    """A "phone recording": mono beeps at 48 kHz, unlike the video's sound."""
    beeps = ffmpeg.input(
        "sine=frequency=220:beep_factor=4:sample_rate=48000", f="lavfi"
    )
    _run(ffmpeg.output(beeps, str(path), t=seconds, ac=1, acodec="aac"))
    return path


def _run(stream) -> None:
    stream.global_args("-v", "error", "-nostdin").overwrite_output().run()


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


def sri_video(*, seconds: int = SRI_SECONDS) -> LessonMedia:
    """The SRI demo video with its Hmông track and subtitles, made once.

    The worker transcodes the picture; the track waits for it, and both lists of
    subtitles go into the master playlist when it is published.
    """
    existing = LessonMedia.objects.filter(title=SRI_TITLE).first()
    if existing is not None:
        return existing
    with tempfile.TemporaryDirectory(prefix="demo-sri-") as tmp:
        clip = generate_clip(
            Path(tmp) / "video-mau-sri.mp4",
            seconds=seconds,
            size="854x480",
            preset="ultrafast",
        )
        # Shorter than the video: the pipeline pads it to the video's length.
        dub = generate_recording(
            Path(tmp) / "thuyet-minh-hmong.m4a", seconds=seconds - 1
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

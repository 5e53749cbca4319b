"""Short clips generated once per test session with ffmpeg's lavfi sources."""

import json
import subprocess
from pathlib import Path

import pytest
from django.core.files import File

from cms.models import LessonMedia

SECONDS = 2


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-nostdin", "-y", *args], check=True)


def make_video(path: Path, *, size: str, seconds: float = SECONDS, sound=True):
    inputs = ["-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25"]
    codecs = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    if sound:
        inputs += ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100"]
        codecs += ["-c:a", "aac"]
    _ffmpeg(*inputs, "-t", str(seconds), *codecs, str(path))
    return path


@pytest.fixture(scope="session")
def clips(tmp_path_factory):
    """Paths of generated media, made once: each takes a fraction of a second."""
    root = tmp_path_factory.mktemp("clips")
    paths = {
        "720p": make_video(root / "source-720p.mp4", size="1280x720"),
        "360p": make_video(root / "source-360p.mp4", size="640x360"),
        "silent": make_video(root / "silent.mp4", size="426x240", sound=False),
    }
    _ffmpeg(
        "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=44100",
        "-t", str(SECONDS), "-c:a", "libmp3lame", "-b:a", "96k",
        str(root / "talk.mp3"),
    )  # fmt: skip
    paths["audio"] = root / "talk.mp3"
    # Cut in half, once with the index at the end (no moov atom left) and once
    # with the index first (the index promises frames the file no longer has).
    whole = paths["720p"].read_bytes()
    paths["truncated"] = root / "truncated.mp4"
    paths["truncated"].write_bytes(whole[: len(whole) // 2])
    faststart = root / "faststart.mp4"
    _ffmpeg("-i", str(paths["720p"]), "-c", "copy", "-movflags", "+faststart",
            str(faststart))  # fmt: skip
    paths["truncated_faststart"] = root / "truncated-faststart.mp4"
    paths["truncated_faststart"].write_bytes(faststart.read_bytes()[: len(whole) // 2])
    paths["text"] = root / "notes.mp4"
    paths["text"].write_text("Bài học hôm nay: trồng lúa.\n" * 20, encoding="utf-8")
    paths["empty"] = root / "empty.mp4"
    paths["empty"].write_bytes(b"")
    return paths


@pytest.fixture
def make_media(db):
    """Create a LessonMedia from a clip, stored through the default storage."""

    def make(path: Path, *, kind: str = "video", title: str = "Bài học") -> LessonMedia:
        with path.open("rb") as handle:
            return LessonMedia.objects.create(
                title=title, type=kind, file=File(handle, name=path.name)
            )

    return make


def ffprobe_json(target: str, *extra: str) -> dict:
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-of", "json", *extra, target],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout)


@pytest.fixture(autouse=True)
def fresh_media_root(settings, tmp_path):
    """Each test stores its files in its own directory (row ids repeat across tests)."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def editor_client(client, django_user_model):
    """A client logged in as a superuser of the admin."""
    user = django_user_model.objects.create_superuser(
        username="bientap", email="bientap@example.vn", password="mat-khau-1"
    )
    client.force_login(user)
    return client

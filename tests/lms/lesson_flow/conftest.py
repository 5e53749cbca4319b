"""Two centres (here and in another province), each with a live course, and staff."""

import io
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from accounts.roles import Role, group_for
from cms.course_tree import centre_course_index
from cms.models import Centre, CentrePage, CoursePage, LessonMedia, LessonPage
from cms.models.media import TranscodeStatus
from tests.cms.video.conftest import make_video
from tests.lms.browser.conftest import browser  # noqa: F401  (shared fixture)


def fresh(user):
    """The user as a new request sees them: no cached roles or permissions."""
    return get_user_model().objects.get(pk=user.pk)


def make_person(phone, commune, role=Role.CENTRE_STAFF):
    user = get_user_model().objects.create_user(
        phone=phone, password="mat-khau-1", full_name=f"Cán bộ {phone}", commune=commune
    )
    if role is not None:
        user.groups.add(group_for(role))
    return fresh(user)


def build_centre(home_page, commune, key):
    centre = Centre.objects.get_or_create(
        commune=commune, defaults={"name": f"Trung tâm {commune.name}"}
    )[0]
    page = home_page.add_child(
        instance=CentrePage(title=centre.name, slug=f"tt-{key}", centre=centre)
    )
    index = centre_course_index(page)
    course = index.add_child(
        instance=CoursePage(title=f"Trồng lúa {key}", summary="Kỹ thuật", centre=centre)
    )
    return centre, page, course


@pytest.fixture
def world(home_page, commune, other_commune):
    here = build_centre(home_page, commune, "here")
    other = build_centre(home_page, other_commune, "other")
    return {
        "centre": here[0],
        "centre_page": here[1],
        "course": here[2],
        "other_course": other[2],
        "staff": make_person("0913000001", commune),
        "far_staff": make_person("0913000002", other_commune),
        "resident": make_person("0913000003", commune, role=None),
    }


@pytest.fixture(autouse=True)
def own_media_roots(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(scope="session")
def phone_clips(tmp_path_factory):
    """A 3 s portrait video with sound, a 2 s talk (AAC) and a photo."""
    root = tmp_path_factory.mktemp("phone")
    video = make_video(root / "VID_20261203.mp4", size="360x640", seconds=3)
    talk = root / "ghi-am.m4a"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i",
         "sine=frequency=300:sample_rate=44100", "-t", "2", "-c:a", "aac", str(talk)],
        check=True,
    )  # fmt: skip
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(buffer, format="JPEG")
    photo = root / "anh.jpg"
    photo.write_bytes(buffer.getvalue())
    return {"video": video, "audio": talk, "photo": photo}


def upload(path: Path, content_type: str = "video/mp4") -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type=content_type)


@pytest.fixture
def video_lesson(client, world, phone_clips, django_capture_on_commit_callbacks):
    """A live video lesson of ``world['staff']``, transcoded."""
    client.force_login(world["staff"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("lms:lesson-flow"),
            {
                "title": "Bài 1: Gieo mạ",
                "course": world["course"].pk,
                "publish": "on",
                "file": upload(phone_clips["video"]),
            },
        )
    lesson = LessonPage.objects.get(slug="bai-1-gieo-ma")
    media = LessonMedia.objects.get()
    assert media.transcode_status == TranscodeStatus.READY
    return lesson, media

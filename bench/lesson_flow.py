"""Time from a phone video to a playable lesson through the staff flow.

Generates a phone-like clip (default 60 s, 720×1280 portrait, 30 fps, ~6 Mbit/s
H.264 + AAC, as a phone records), then, as centre staff on the real URL stack
(Django's test client, in process, so no network time): sends it with tus in the
page's 2 MB chunks, submits the lesson form naming the upload (assemble, probe,
store, lesson page), and runs the transcoding job as the worker would. Prints each
phase and the total to a playable lesson; network time on a phone is not included,
so the time the upload itself takes at a few link speeds is printed beside it.

Run: .venv/bin/python bench/lesson_flow.py [--seconds 60] [--size 720x1280]
     .ci/with-postgres .venv/bin/python bench/lesson_flow.py
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.test.utils import setup_test_environment  # noqa: E402

TUS = {"HTTP_TUS_RESUMABLE": "1.0.0"}


def make_clip(path: Path, *, seconds: int, size: str) -> Path:
    subprocess.run(
        ["ffmpeg", "-v", "error", "-nostdin", "-y",
         "-f", "lavfi", "-i", f"testsrc2=size={size}:rate=30",
         "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
         "-t", str(seconds), "-c:v", "libx264", "-preset", "ultrafast",
         "-b:v", "6M", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k",
         str(path)],
        check=True,
    )  # fmt: skip
    return path


def build_world():
    from django.contrib.auth import get_user_model

    from accounts.roles import Role, group_for
    from cms.course_tree import centre_course_index
    from cms.models import Centre, CentrePage, Commune, CoursePage, Province
    from cms.roles import sync_role_groups
    from cms.site_setup import ensure_home_page

    sync_role_groups()
    province = Province.objects.create(code="99", name="Tỉnh thử", division_type="t")
    commune = Commune.objects.create(
        code="99999", name="Xã thử", division_type="Xã", province=province
    )
    centre = Centre.objects.create(commune=commune, name="Trung tâm thử")
    page = ensure_home_page().add_child(
        instance=CentrePage(title=centre.name, slug="tt", centre=centre)
    )
    course = centre_course_index(page).add_child(
        instance=CoursePage(title="Khoá thử", summary="x", centre=centre)
    )
    staff = get_user_model().objects.create_user(
        phone="0919000000", password="x", full_name="Cán bộ", commune=commune
    )
    staff.groups.add(group_for(Role.CENTRE_STAFF))
    return get_user_model().objects.get(pk=staff.pk), course


def run(clip: Path) -> None:
    from django.db import connection
    from django.test import Client

    from cms.models import LessonMedia
    from cms.video import services as video_services
    from cms.video.pipeline import run_transcode
    from lms.lesson_flow.views import CHUNK_BYTES

    jobs = []

    class Queue:  # the worker's queue, worked off below
        def enqueue(self, *, media_id, attempt):
            jobs.append((media_id, attempt))

    video_services.transcode_media = Queue()
    staff, course = build_world()
    client = Client()
    client.force_login(staff)
    data = clip.read_bytes()

    started = time.perf_counter()
    location = client.post(
        "/quan-ly/bai-hoc-video/tai-len/", HTTP_UPLOAD_LENGTH=str(len(data)), **TUS
    )["Location"]
    for offset in range(0, len(data), CHUNK_BYTES):
        response = client.generic(
            "PATCH", location, data[offset : offset + CHUNK_BYTES],
            content_type="application/offset+octet-stream",
            HTTP_UPLOAD_OFFSET=str(offset), **TUS,
        )  # fmt: skip
        assert response.status_code == 204, response.status_code
    uploaded = time.perf_counter()
    response = client.post(
        "/quan-ly/bai-hoc-video/",
        {"course": course.pk, "title": "Bài thử", "publish": "on",
         "upload": location.rstrip("/").rsplit("/", 1)[1]},
    )  # fmt: skip
    assert response.status_code == 302, response.content[:2000]
    sent = time.perf_counter()
    for media_id, attempt in jobs:
        assert run_transcode(media_id=media_id, attempt=attempt) == "ready"
    ready = time.perf_counter()
    media = LessonMedia.objects.get()
    megabytes = len(data) / 1024**2
    print(
        f"database: {connection.vendor}; clip {media.duration:.0f} s "
        f"{media.width}x{media.height}, {megabytes:.1f} MB, chunks of "
        f"{CHUNK_BYTES // 1024**2} MB"
    )
    print(f"upload through tus (no network): {uploaded - started:6.1f} s")
    print(f"send (assemble, probe, store, lesson page): {sent - uploaded:6.1f} s")
    print(
        f"transcode to the ladder: {ready - sent:6.1f} s "
        f"({media.duration / (ready - sent):.1f}x real time)"
    )
    print(f"total to a playable lesson: {ready - started:6.1f} s")
    for label, mbit in (("3G 1 Mbit/s", 1), ("3G 5 Mbit/s", 5), ("Wi-Fi 20", 20)):
        print(f"  + the upload itself on {label}: {megabytes * 8 / mbit:6.0f} s")


def main() -> None:
    from django.db import connection

    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--size", default="720x1280")
    args = parser.parse_args()
    setup_test_environment()
    workdir = Path(tempfile.mkdtemp(prefix="bench-lesson-flow-"))
    from django.conf import settings

    settings.MEDIA_ROOT = workdir / "media"
    settings.PRIVATE_MEDIA_ROOT = workdir / "private"
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(workdir / "db.sqlite3")
    clip = make_clip(workdir / "VID_phone.mp4", seconds=args.seconds, size=args.size)
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        run(clip)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()

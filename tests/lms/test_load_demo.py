"""`manage.py load_demo` leaves a site whose search works before the worker runs."""

import io

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

import cms.demo
import config.local_secrets
import lms.demo
from cms.models import LessonPage
from cms.search import search_pages
from cms.video.demo import demo_video, sri_video
from lms.management.commands import load_demo


@pytest.fixture
def queued_tasks(settings):
    """Tasks wait in the database queue for a worker that is not running."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "video"],
        }
    }


@pytest.fixture
def secrets_elsewhere(tmp_path, monkeypatch):
    monkeypatch.setattr(config.local_secrets, "ADMIN_PASSWORD_FILE", tmp_path / "a")
    monkeypatch.setattr(cms.demo, "STAFF_PASSWORD_FILE", tmp_path / "s")
    monkeypatch.setattr(lms.demo, "DEMO_RESIDENT_PASSWORD_FILE", tmp_path / "r")
    monkeypatch.setattr(load_demo, "demo_video", lambda: demo_video(seconds=2))
    monkeypatch.setattr(load_demo, "sri_video", lambda: sri_video(seconds=4))


@pytest.mark.django_db
def test_search_finds_demo_content_right_after_load_demo(
    queued_tasks, secrets_elsewhere
):
    call_command("load_demo", stdout=io.StringIO())
    assert DBTaskResult.objects.filter(status="READY").exists()  # nothing ran
    titles = [page.title for page in search_pages("trong lua")]
    assert "Kỹ thuật trồng lúa cải tiến SRI" in titles


@pytest.mark.django_db
def test_the_ta_van_sri_lesson_gets_a_video_with_a_hmong_track(
    queued_tasks, secrets_elsewhere
):
    call_command("load_demo", stdout=io.StringIO())
    lesson = LessonPage.objects.get(slug="sri-la-gi", locale__language_code="vi")
    # The Hmông version, copied before the video came, shows it too.
    hmong = LessonPage.objects.get(slug="sri-la-gi", locale__language_code="hmn")
    assert hmong.body[0].block_type == "video"
    assert hmong.body[0].value["video"] == lesson.body[0].value["video"]
    block = lesson.body[0]
    assert block.block_type == "video"
    assert "được tạo tự động" in block.value["caption"]  # the page says so
    media = block.value["video"]
    assert [t.language for t in media.audio_tracks.all()] == ["hmn"]
    assert sorted(c.language for c in media.captions.all()) == ["hmn", "vi"]

"""The flow on a 360×740 phone screen in Debian's Chromium, with and without
JavaScript, and an upload resumed after a dropped chunk and a page reload."""

import re

import pytest
from django.db import connection

from cms.models import LessonMedia, LessonPage, ResumableUpload
from cms.models.media import TranscodeStatus
from cms.video import services as video_services
from cms.video.pipeline import run_transcode
from lms.lesson_flow import views as flow_views
from tests.cms.video.conftest import make_video

pytestmark = [pytest.mark.browser, pytest.mark.ffmpeg]
PHONE = {"width": 360, "height": 740}
# What the upload box said, kept across the page change that follows the upload.
WATCH_UPLOAD_WORDS = """
document.addEventListener("DOMContentLoaded", () => {
  const words = document.querySelector("[data-upload-words]");
  if (!words) return;
  new MutationObserver(() => {
    const seen = JSON.parse(sessionStorage.getItem("upload-words") || "[]");
    seen.push(words.textContent);
    sessionStorage.setItem("upload-words", JSON.stringify(seen));
  }).observe(words, {childList: true, characterData: true, subtree: true});
});
"""


@pytest.fixture
def queued(monkeypatch):
    """Transcoding waits in a queue this test works off itself, like the worker."""
    jobs = []

    class Recorder:
        def enqueue(self, *, media_id, attempt):
            jobs.append((media_id, attempt))

    monkeypatch.setattr(video_services, "transcode_media", Recorder())

    def work():
        while jobs:
            run_transcode(media_id=jobs[0][0], attempt=jobs.pop(0)[1])

    return work


@pytest.fixture
def phone(browser):
    def open_context(**options):
        return browser.new_context(viewport=PHONE, **options)

    return open_context


def sign_in(page, base, phone):
    page.goto(f"{base}/dang-nhap/?next=/quan-ly/")
    page.fill("input[name=username]", phone)
    page.fill("input[name=password]", "mat-khau-1")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/quan-ly/")


def wait_for_words(page, words, timeout=30000):
    page.wait_for_function(
        "(words) => document.querySelector('.lms-flow-status').textContent"
        ".includes(words)",
        arg=words,
        timeout=timeout,
    )


def test_staff_send_a_video_lesson_from_a_phone(
    live_server, world, phone, phone_clips, queued, monkeypatch
):
    """Sign in, open the flow, pick a clip, send: the upload shows percent and MB,
    the status page counts the processing in words, and the published lesson is in
    its course with its real length, playable."""
    monkeypatch.setattr(flow_views, "CHUNK_BYTES", 32 * 1024)  # several chunks
    try:
        context = phone()
        page = context.new_page()
        page.add_init_script(WATCH_UPLOAD_WORDS)
        sign_in(page, live_server.url, world["staff"].phone)
        page.click("[data-new-video-lesson]")  # tap 1
        assert page.input_value("select[name=course]") == str(world["course"].pk)
        page.set_input_files("input[name=file]", str(phone_clips["video"]))  # 2, 3
        page.fill("input[name=title]", "Bài 1: Gieo mạ")  # 4
        page.fill("textarea[name=text]", "Cách gieo mạ đúng thời vụ.")  # 5
        page.check("input[name=publish]")  # 6
        page.click("[data-send]")  # 7
        page.wait_for_url(re.compile(r"/quan-ly/bai-hoc-video/\d+/$"))
        words = page.evaluate("JSON.parse(sessionStorage.getItem('upload-words'))")
        assert any(re.match(r"Đang gửi: \d+ % – còn \d+,\d MB", w) for w in words)
        wait_for_words(page, "Đang chờ xử lý video")

        lesson = LessonPage.objects.get(slug="bai-1-gieo-ma")
        media = LessonMedia.objects.get()
        assert media.file.size == phone_clips["video"].stat().st_size
        LessonMedia.objects.filter(pk=media.pk).update(
            transcode_status=TranscodeStatus.PROCESSING, transcode_percent=40
        )
        wait_for_words(page, "Đang xử lý video: 40 %")  # the page refreshes itself
        LessonMedia.objects.filter(pk=media.pk).update(
            transcode_status=TranscodeStatus.QUEUED, transcode_percent=0
        )
        queued()
        wait_for_words(page, "Video đã sẵn sàng")

        page.goto(live_server.url + world["course"].url)
        item = page.locator("li", has_text="Bài 1: Gieo mạ")
        assert "1 phút" in item.inner_text()
        page.goto(live_server.url + lesson.url)
        page.wait_for_selector("[data-player-ready]", state="attached")
        page.evaluate("document.querySelector('video').muted = true")
        page.evaluate("document.querySelector('video').play()")
        page.wait_for_function(
            "() => document.querySelector('video').currentTime > 1", timeout=20000
        )
        context.close()
    finally:
        connection.close()


def test_the_same_flow_without_javascript(
    live_server, world, phone, phone_clips, queued
):
    try:
        context = phone(java_script_enabled=False)
        page = context.new_page()
        sign_in(page, live_server.url, world["staff"].phone)
        page.click("[data-new-video-lesson]")
        page.set_input_files("input[name=file]", str(phone_clips["video"]))
        page.fill("input[name=title]", "Bài 1: Gieo mạ")
        page.click("[data-send]")
        page.wait_for_url(re.compile(r"/quan-ly/bai-hoc-video/\d+/$"))
        assert "Đang chờ xử lý video" in page.text_content(".lms-flow-status")
        assert page.locator("meta[http-equiv=refresh]").count() == 1
        queued()
        page.reload()
        assert "Video đã sẵn sàng" in page.text_content(".lms-flow-status")
        lesson = LessonPage.objects.get(slug="bai-1-gieo-ma")
        assert not lesson.live and lesson.estimated_minutes == 1
        context.close()
    finally:
        connection.close()


def test_upload_resumes_after_a_dropped_chunk_and_a_reload(
    live_server, world, phone, tmp_path, queued, monkeypatch
):
    """The third chunk never arrives; the page is reloaded and the same file chosen:
    the upload goes on from the second chunk's end, not from the start."""
    chunk = 64 * 1024
    monkeypatch.setattr(flow_views, "CHUNK_BYTES", chunk)
    clip = make_video(tmp_path / "dai.mp4", size="640x360", seconds=3)
    assert clip.stat().st_size > 4 * chunk
    try:
        context = phone()
        page = context.new_page()
        sign_in(page, live_server.url, world["staff"].phone)
        page.goto(f"{live_server.url}/quan-ly/bai-hoc-video/")
        patches = []

        def drop_the_third(route):
            patches.append(route.request.headers["upload-offset"])
            if len(patches) >= 3:
                route.abort("connectionreset")
            else:
                route.continue_()

        def on_upload(route):
            if route.request.method == "PATCH":
                drop_the_third(route)
            else:
                route.continue_()

        page.route("**/tai-len/*/", on_upload)
        page.set_input_files("input[name=file]", str(clip))
        page.fill("input[name=title]", "Bài 1: Gieo mạ")
        page.click("[data-send]")
        page.wait_for_selector("text=Mất kết nối; đang thử lại…")
        # Every retry fails too until the page is gone: the server stays at two.
        page.reload()
        page.unroute("**/tai-len/*/")
        assert ResumableUpload.objects.get().offset == 2 * chunk

        offsets = []
        page.on(
            "request",
            lambda request: (
                offsets.append(request.headers.get("upload-offset"))
                if request.method == "PATCH"
                else None
            ),
        )
        page.set_input_files("input[name=file]", str(clip))
        page.fill("input[name=title]", "Bài 1: Gieo mạ")
        page.click("[data-send]")
        page.wait_for_url(re.compile(r"/quan-ly/bai-hoc-video/\d+/$"))
        assert offsets[0] == str(2 * chunk)
        media = LessonMedia.objects.get()
        assert media.file.read() == clip.read_bytes()
        context.close()
    finally:
        connection.close()

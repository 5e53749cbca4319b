"""Bytes a video lesson page costs on a 360×740 phone, before and after pressing play.

Run: .venv/bin/python bench/player_bytes.py [--seconds 15]
(a throw-away test database, a generated 720p clip transcoded with the real ladder,
Debian's Chromium through Playwright; bytes are what the network carried, headers
included, as Chromium's DevTools protocol reports them)
"""

import argparse
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's loop, ORM calls

import django  # noqa: E402

django.setup()

from django.test.utils import setup_test_environment  # noqa: E402

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
]
NO_NATIVE_HLS = "HTMLMediaElement.prototype.canPlayType = () => '';"
VIDEO = "document.querySelector('video')"


def video_lesson(seconds: int):
    from django.core.files import File

    from cms.models import CourseIndexPage, CoursePage, LessonMedia, LessonPage
    from cms.site_setup import ensure_home_page
    from cms.video.demo import generate_clip
    from cms.video.services import request_transcode

    with tempfile.TemporaryDirectory() as tmp:
        clip = generate_clip(Path(tmp) / "bai-hoc.mp4", seconds=seconds)
        with clip.open("rb") as handle:
            media = LessonMedia.objects.create(
                title="Gieo mạ", type="video", file=File(handle, name=clip.name)
            )
    request_transcode(media=media)  # the immediate task backend transcodes now
    media.refresh_from_db()
    home = ensure_home_page()
    course = home.add_child(instance=CourseIndexPage(title="Khóa học")).add_child(
        instance=CoursePage(title="Trồng lúa", summary="Kỹ thuật trồng lúa")
    )
    lesson = course.add_child(
        instance=LessonPage(
            title="Bài 1: gieo mạ",
            summary="Chọn giống, ngâm ủ và gieo mạ đúng thời vụ.",
            body=[("video", {"video": media, "caption": "Gieo mạ đúng cách"})],
        )
    )
    return lesson, media


class Meter:
    """Bytes per kind of resource as the wire carried them (DevTools protocol)."""

    def __init__(self, page):
        self.kinds: dict[str, str] = {}
        self.bytes: dict[str, int] = defaultdict(int)
        session = page.context.new_cdp_session(page)
        session.on("Network.responseReceived", self._response)
        session.on("Network.loadingFinished", self._finished)
        session.on("Network.loadingFailed", self._failed)
        session.send("Network.enable")
        session.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.partial: dict[str, int] = {}
        session.on("Network.dataReceived", self._data)

    def _response(self, event):
        url = event["response"]["url"].split("?")[0]
        kind = event["type"].lower()
        if url.endswith((".m3u8", ".ts")):
            kind = "stream"
        elif "hls" in url and url.endswith(".js"):
            kind = "hls.js"
        self.kinds[event["requestId"]] = kind

    def _data(self, event):
        request = event["requestId"]
        self.partial[request] = self.partial.get(request, 0) + event.get(
            "encodedDataLength", 0
        )

    def _finished(self, event):
        kind = self.kinds.get(event["requestId"], "other")
        self.bytes[kind] += int(event["encodedDataLength"])
        self.partial.pop(event["requestId"], None)

    def _failed(self, event):  # an aborted download still cost what arrived
        kind = self.kinds.get(event["requestId"], "other")
        self.bytes[kind] += self.partial.pop(event["requestId"], 0)

    def snapshot(self) -> dict[str, int]:
        return dict(self.bytes)


def kb(num: int) -> str:
    return f"{num / 1000:8.1f}"


def measure(browser, url: str, *, engine: str, save_data: bool, play_to_end: bool):
    headers = {"Save-Data": "on"} if save_data else {}
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, extra_http_headers=headers
    )
    page = context.new_page()
    if engine == "hls.js":
        page.add_init_script(NO_NATIVE_HLS)
    meter = Meter(page)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    before = meter.snapshot()
    after = before
    if play_to_end:
        page.evaluate(f"{VIDEO}.muted = true")
        page.click("[data-start]")
        page.wait_for_function(f"() => {VIDEO}.ended", timeout=300_000)
        page.wait_for_timeout(500)
        after = meter.snapshot()
    height = page.evaluate(f"{VIDEO}.videoHeight")
    context.close()
    return before, after, height


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15, help="clip length")
    args = parser.parse_args()

    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.test.testcases import LiveServerThread
    from playwright.sync_api import sync_playwright

    connection = connections[DEFAULT_DB_ALIAS]  # the object, not the proxy
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    server = None
    try:
        lesson, media = video_lesson(args.seconds)
        sizes = {r["name"]: r["bytes"] for r in media.renditions}
        connection.inc_thread_sharing()
        server = LiveServerThread(
            "127.0.0.1", StaticFilesHandler, {connection.alias: connection}, port=0
        )
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        url = f"http://127.0.0.1:{server.port}{lesson.url}"
        print(
            f"clip: {args.seconds} s 720p; renditions (KB): "
            + ", ".join(f"{name} {size / 1000:.0f}" for name, size in sizes.items())
            + f"; MP4 download {media.download_bytes / 1000:.0f}"
        )
        print("phone 360x740, Chromium, cache off; KB on the wire, headers included")
        header = f"{'case':<46}{'before play':>12}{'after play':>12}  picture"
        print(header)
        cases = [
            ("native HLS, Save-Data on (240p)", "native", True, True),
            ("hls.js, Save-Data on (240p)", "hls.js", True, True),
            ("native HLS, no data saver (360p)", "native", False, True),
        ]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            for label, engine, save_data, play in cases:
                before, after, height = measure(
                    browser, url, engine=engine, save_data=save_data, play_to_end=play
                )
                after_text = kb(sum(after.values())) if play else "       –"
                print(
                    f"{label:<46}{kb(sum(before.values())):>12}"
                    f"{after_text:>12}  {height or '-'}p"
                )
                detail = ", ".join(
                    f"{kind} {kb(num).strip()}" for kind, num in sorted(after.items())
                )
                print(f"{'':<6}{detail}")
            browser.close()
    finally:
        if server is not None:
            server.terminate()
        connection.dec_thread_sharing()
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()

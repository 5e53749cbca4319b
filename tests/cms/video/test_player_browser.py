"""The lesson player in Debian's Chromium at 360×740, against a transcoded clip."""

import io

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db import connection
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page

from cms.models import CourseIndexPage, CoursePage, LessonPage
from cms.models.media import TranscodeStatus
from cms.site_setup import ensure_home_page
from cms.video.services import request_transcode
from tests.csp_watch import violations, watch

from .conftest import make_video

pytestmark = [pytest.mark.browser, pytest.mark.ffmpeg]

PHONE = {"width": 360, "height": 740}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
]
HLS_SCRIPT = "hls.light.min.js"
COLLECT_EVENTS = """
window.__progress = [];
document.addEventListener(
  "lesson:media-progress", (e) => window.__progress.push(e.detail)
);
"""
NO_NATIVE_HLS = "HTMLMediaElement.prototype.canPlayType = () => '';"
VIDEO = "document.querySelector('video')"
SHOT_PATH = "/tmp/player-nojs.png"


@pytest.fixture(scope="session")
def ten_seconds(tmp_path_factory):
    return make_video(
        tmp_path_factory.mktemp("player") / "lesson.mp4", size="640x360", seconds=10
    )


@pytest.fixture
def fresh_media_root():
    """The live server serves MEDIA_ROOT as fixed at start-up: keep it."""


def restore_tree():
    """A transactional test before this one flushed Wagtail's root rows."""
    locale, _created = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.exists():
        Page.add_root(
            instance=Page(
                title="Root",
                slug="root",
                locale=locale,
                content_type=ContentType.objects.get_for_model(Page),
            )
        )


@pytest.fixture
def lesson_with_video(transactional_db, make_media, ten_seconds):
    restore_tree()
    home = ensure_home_page()
    courses = home.add_child(instance=CourseIndexPage(title="Khoá học"))
    course = courses.add_child(
        instance=CoursePage(title="Trồng lúa", summary="Kỹ thuật trồng lúa")
    )
    media = make_media(ten_seconds, title="Gieo mạ")
    request_transcode(media=media)  # autocommit: the immediate backend runs it now
    media.refresh_from_db()
    assert media.transcode_status == TranscodeStatus.READY
    assert default_storage.exists(media.hls_playlist)
    lesson = course.add_child(
        instance=LessonPage(
            title="Bài 1: gieo mạ",
            body=[("video", {"video": media, "caption": "Gieo mạ đúng cách"})],
        )
    )
    yield lesson, media
    connection.close()  # Playwright's thread opened its own (PostgreSQL teardown)


@pytest.fixture
def chromium(monkeypatch):
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def phone(chromium, **options):
    return chromium.new_context(viewport=PHONE, **options).new_page()


def requested(page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def play(page):
    """Press the large start button, as a person would (muted for the test)."""
    page.evaluate(f"{VIDEO}.muted = true")
    page.click("[data-start]")
    assert not page.locator("[data-start]").is_visible()


def assert_poster_fits_a_phone(page):
    """A 360 px phone gets the 320 or 640 px poster, shown on the start button."""
    poster = page.locator("[data-start] img")
    poster.evaluate("img => img.decode()")
    assert poster.evaluate("img => img.currentSrc").endswith(
        ("poster-320.jpg", "poster-640.jpg")
    )
    from PIL import Image

    shot = Image.open(io.BytesIO(page.locator(".lesson-media__screen").screenshot()))
    shot.save(SHOT_PATH)
    top = shot.convert("HSV").crop((0, 0, shot.width, shot.height // 4))
    saturation, value = top.getchannel("S"), top.getchannel("V")
    assert saturation.getextrema()[1] > 150 and value.getextrema()[1] > 150


def wait_time(page, seconds: float):
    page.wait_for_function(f"() => {VIDEO}.currentTime >= {seconds}", timeout=20000)


@pytest.mark.parametrize("engine", ["native", "hls.js"])
def test_player_plays_reports_remembers_and_switches_keeping_the_time(
    live_server, lesson_with_video, chromium, engine
):
    """Chromium has native HLS; hiding it exercises the vendored hls.js path."""
    lesson, media = lesson_with_video
    page = phone(chromium)
    csp_console = watch(page)
    urls = requested(page)
    page.add_init_script(COLLECT_EVENTS)
    if engine == "hls.js":
        page.add_init_script(NO_NATIVE_HLS)
    page.goto(live_server.url + lesson.url)
    page.wait_for_selector("[data-player-ready]", state="attached")
    choices = page.locator("[data-quality-choices]")
    assert choices.is_visible()
    text = choices.inner_text()
    for name in ("240p · ", "360p · ", "Chỉ nghe · "):
        assert name in text
    assert "MB" in text or "KB" in text

    # hls.js is fetched only once the person presses play, never with native HLS.
    page.wait_for_load_state("networkidle")
    assert_poster_fits_a_phone(page)
    assert not any(HLS_SCRIPT in url for url in urls)
    assert page.evaluate("typeof window.Hls") == "undefined"
    play(page)
    page.wait_for_selector(f"[data-engine='{engine}']", state="attached")
    wait_time(page, 2)
    assert any(HLS_SCRIPT in url for url in urls) == (engine == "hls.js")
    if engine == "native":
        assert not any(url.endswith("download.mp4") for url in urls)
    else:  # the MP4 that would play without JavaScript is dropped at once
        assert page.evaluate(f"{VIDEO}.currentSrc").startswith("blob:")
    assert page.evaluate(f"{VIDEO}.videoHeight") == 360  # the standard choice

    page.evaluate(f"{VIDEO}.pause()")
    page.wait_for_function("() => window.__progress.length > 0")
    events = page.evaluate("window.__progress")
    last = events[-1]
    assert (last["lesson"], last["media"]) == (lesson.pk, media.pk)
    assert 0 <= last["from"] < last["to"] and last["to"] >= 2
    saved = page.evaluate(
        f"Number(localStorage.getItem('lesson-media-position:{media.pk}'))"
    )
    assert saved >= 2

    page.reload()
    page.wait_for_selector("[data-player-ready]", state="attached")
    play(page)
    wait_time(page, saved - 0.5)
    wait_time(page, saved + 1)

    # Switching while playing keeps the watched time, picture and sound alike.
    watched = page.evaluate(f"{VIDEO}.currentTime")
    page.get_by_label("240p", exact=False).check()
    page.wait_for_function(f"() => {VIDEO}.videoHeight === 240", timeout=20000)
    assert page.evaluate(f"{VIDEO}.currentTime") >= watched - 0.5
    wait_time(page, watched + 1)
    watched = page.evaluate(f"{VIDEO}.currentTime")
    page.get_by_label("Chỉ nghe", exact=False).check()
    page.wait_for_function(
        f"() => {VIDEO}.readyState >= 1 && {VIDEO}.videoWidth === 0", timeout=20000
    )
    assert page.evaluate(f"{VIDEO}.currentTime") >= watched - 0.5
    wait_time(page, watched + 1)
    page.evaluate(f"{VIDEO}.pause()")
    page.wait_for_function("() => window.__progress.at(-1).audioOnly === true")
    modes = [event["audioOnly"] for event in page.evaluate("window.__progress")]
    assert False in modes
    assert violations(page, csp_console) == []  # hls.js' blob: media and worker


def test_a_video_plays_without_javascript(live_server, lesson_with_video, chromium):
    """With JavaScript off the page offers a plain <video> whose MP4 source plays."""
    lesson, media = lesson_with_video
    page = phone(chromium, java_script_enabled=False)
    page.goto(live_server.url + lesson.url)
    source = page.locator("video[controls] > source")
    assert source.get_attribute("type") == "video/mp4"
    assert source.get_attribute("src") == media.download_url
    assert not page.locator("[data-quality-choices]").is_visible()
    download = page.locator("a.lesson-media__download")
    assert download.inner_text().startswith("Tải video về máy (MP4) · ")
    assert not page.locator("[data-start]").is_visible()  # nothing covers it

    # That same file plays in this Chromium (checked where scripts may run).
    checker = phone(chromium)
    checker.goto(live_server.url + media.download_url)
    checker.wait_for_function(
        "() => { const v = document.querySelector('video');"
        " if (!v) return false; v.muted = true; v.play(); return v.currentTime > 1; }",
        timeout=20000,
    )


def test_data_saver_takes_the_smallest_and_loads_nothing_before_play(
    live_server, lesson_with_video, chromium
):
    lesson, media = lesson_with_video
    page = phone(chromium, extra_http_headers={"Save-Data": "on"})
    urls = requested(page)
    page.goto(live_server.url + lesson.url)
    page.wait_for_selector("[data-engine='native']", state="attached")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-data-saver]").is_checked()
    assert page.locator("input[value='240p']").is_checked()
    assert page.evaluate(f"{VIDEO}.preload") == "none"
    assert not any(url.endswith((".m3u8", ".ts", ".mp4")) for url in urls)
    play(page)
    wait_time(page, 1)
    assert page.evaluate(f"{VIDEO}.videoHeight") == 240

    # Turned off, remembered on the device: the standard choice. Still nothing is
    # fetched before play (Chromium's native HLS takes ~1 MB for "metadata").
    page.locator("[data-data-saver]").uncheck()
    assert page.evaluate("localStorage.getItem('lesson-data-saver')") == "off"
    urls.clear()
    page.reload()
    page.wait_for_selector("[data-player-ready]", state="attached")
    page.wait_for_load_state("networkidle")
    assert not page.locator("[data-data-saver]").is_checked()
    assert page.locator("input[value='360p']").is_checked()
    assert page.evaluate(f"{VIDEO}.preload") == "none"
    assert not any(url.endswith((".m3u8", ".ts", ".mp4")) for url in urls)

    # Turned on again while playing: the smallest picture, at the same time.
    play(page)
    wait_time(page, 2)
    watched = page.evaluate(f"{VIDEO}.currentTime")
    page.locator("[data-data-saver]").check()
    assert page.locator("input[value='240p']").is_checked()
    page.wait_for_function(f"() => {VIDEO}.videoHeight === 240", timeout=20000)
    assert page.evaluate(f"{VIDEO}.currentTime") >= watched - 0.5

"""The installable app in Chromium at 360×740: worker, offline reading, progress sync.

Chromium's offline emulation (``context.set_offline``) also cuts the service
worker's own requests, so "the connection returns" is real for the worker too.
"""

import time
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from cms.models import LessonMedia
from lms.models import LessonProgress, ProgressEvent
from lms.services.enrolments import enrol
from tests.browser_poll import poll, read_database
from tests.csp_watch import violations, watch
from tests.lms.conftest import make_lesson

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


@pytest.fixture(autouse=True)
def _close_orm_connection():
    """Under Playwright the test's ORM calls get a connection of their own, which
    the teardown does not see; left open, it blocks dropping the PostgreSQL test
    database."""
    yield
    connection.close()


@pytest.fixture
def world(live_server, commune, course):
    learner = get_user_model().objects.create_user(
        phone="0966000222",
        password="mat-khau-x",
        full_name="Vàng Thị Dung",
        commune=commune,
    )
    video = LessonMedia.objects.create(
        title="Video", file="media/v.mp4", type="video", duration=100
    )
    lesson = make_lesson(
        course, "Bài có video", body=[("video", {"video": video, "caption": ""})]
    )
    unvisited = make_lesson(course, "Bài chưa mở")
    enrolment = enrol(learner=learner, course=course).enrolment
    # Enrolled yesterday: time on the lesson counts from enrolling.
    enrolment.enrolled_at -= timedelta(days=1)
    enrolment.save(update_fields=["enrolled_at"])
    client = Client()
    client.force_login(learner)
    return {
        "learner": learner,
        "lesson": lesson,
        "unvisited": unvisited,
        "course": course,
        "video": video,
        "session": client.cookies["sessionid"].value,
    }


def phone(browser, live_server, session=None):
    context = browser.new_context(viewport=PHONE)
    if session:
        context.add_cookies(
            [{"name": "sessionid", "value": session, "url": live_server.url}]
        )
    return context


def controlled(context, url):
    """A page opened at ``url`` once the service worker controls it."""
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(
        "() => navigator.serviceWorker.controller !== null", timeout=20000
    )
    return page


def wait_until(check, page, *, timeout=20.0):
    """Poll ``check``; waiting through ``page`` lets Playwright deliver its events."""
    deadline = time.monotonic() + timeout
    while not read_database(check):
        assert time.monotonic() < deadline, "timed out"
        page.wait_for_timeout(200)


KEPT = "url => caches.open('pages').then(c => c.match(url)).then(r => !!r)"


def test_installable_the_worker_controls_and_no_csp_violation(browser, live_server):
    context = phone(browser, live_server)
    page = context.new_page()
    console = watch(page)
    page.goto(live_server.url + "/")
    page.wait_for_function(
        "() => navigator.serviceWorker.controller !== null", timeout=20000
    )
    manifest = page.evaluate(
        """async () => {
          const link = document.querySelector('link[rel=manifest]');
          const manifest = await (await fetch(link.href)).json();
          const sizes = [];
          for (const icon of manifest.icons) {
            const img = new Image();
            img.src = icon.src;
            await img.decode();
            sizes.push(`${img.naturalWidth}x${img.naturalHeight}` === icon.sizes);
          }
          return {name: manifest.name, display: manifest.display, sizes};
        }"""
    )
    assert manifest["name"] == "Học tập cộng đồng"
    assert manifest["display"] == "standalone"
    assert manifest["sizes"] and all(manifest["sizes"])
    scope = page.evaluate(
        "navigator.serviceWorker.getRegistration().then(r => r.scope)"
    )
    assert scope == live_server.url + "/"
    description = page.get_attribute("meta[name=description]", "content")
    assert "học tập cộng đồng" in description
    assert page.evaluate(
        "fetch(document.querySelector('link[rel=icon]').href).then(r => r.ok)"
    )
    assert violations(page, console) == []
    context.close()


def test_visited_pages_read_offline_and_unvisited_show_the_offline_page(
    browser, live_server, world
):
    context = phone(browser, live_server, world["session"])
    page = controlled(context, live_server.url + "/")
    course_url = live_server.url + world["course"].url
    lesson_url = live_server.url + world["lesson"].url
    for url in (course_url, lesson_url):
        page.goto(url)
        poll(page, KEPT, url)

    context.set_offline(True)
    page.goto(lesson_url)
    assert page.text_content("h1") == "Bài có video"
    page.goto(course_url)
    assert page.text_content("h1") == world["course"].title
    page.goto(live_server.url + world["unvisited"].url)
    assert page.text_content("h1") == "Không có kết nối mạng"
    assert page.is_visible("a[href='/bai-da-luu/']")
    context.close()


EVENTS = """([lesson, media]) => {
  lmsProgressQueue.enqueue("lesson.time", {seconds: 25});
  const detail = {lesson, media, from: 0, to: 50};
  document.dispatchEvent(new CustomEvent("lesson:media-progress", {detail}));
  document.dispatchEvent(new CustomEvent("lesson:media-progress",
    {detail: {lesson, media, from: 20, to: 60}}));
  return lmsProgressQueue.stored()
    .then(() => lmsProgressStore.list(document.querySelector('[data-lms-tracking]')
      .dataset.user));
}"""


def learn_offline_then_close(context, live_server, world):
    """Progress made offline on the lesson; the tab is closed. Returns the events."""
    controlled(context, live_server.url + "/").close()
    page = context.new_page()
    page.goto(live_server.url + world["lesson"].url)
    page.wait_for_function("() => window.lmsProgressQueue !== undefined")
    context.set_offline(True)
    records = page.evaluate(EVENTS, [world["lesson"].pk, world["video"].pk])
    assert [r["event"]["type"] for r in records] == [
        "lesson.time",
        "media.watched",
        "media.watched",
    ]
    page.wait_for_function(
        "() => document.querySelector('[data-queue-status]').textContent.trim()"
    )
    page.close()
    assert not ProgressEvent.objects.exists()
    return [r["event"] for r in records]


def assert_counted_once(world, events):
    read_database(lambda: _assert_counted_once(world, events))


def _assert_counted_once(world, events):
    stored = {
        str(pk)
        for pk in ProgressEvent.objects.values_list("client_event_id", flat=True)
    }
    assert stored == {e["id"] for e in events}
    progress = LessonProgress.objects.get(
        learner=world["learner"], lesson=world["lesson"]
    )
    assert progress.seconds_spent == 25
    # [0, 50] ∪ [20, 60], but [50, 60] reported the same instant as [0, 50]
    # could not have played yet: it adds nothing (lms/services/watch_time.py).
    assert progress.watched_seconds == 50


def test_offline_progress_arrives_on_the_next_visit_of_another_page(
    browser, live_server, world
):
    context = phone(browser, live_server, world["session"])
    events = learn_offline_then_close(context, live_server, world)

    context.set_offline(False)
    page = context.new_page()
    page.goto(live_server.url + world["course"].url)  # not the lesson
    wait_until(lambda: ProgressEvent.objects.count() == len(events), page)
    assert_counted_once(world, events)

    # The same events queued again (an answer lost on the way) change nothing.
    page.add_script_tag(url="/static/lms/js/progress-store.js")
    page.evaluate(
        """async ([user, events]) => {
          for (const event of events) {
            await lmsProgressStore.add(user, "/api/lms/events/", event);
          }
          const registration = await navigator.serviceWorker.ready;
          registration.active.postMessage({type: "session", user: String(user),
            csrf: ""});
        }""",
        [world["learner"].pk, events],
    )
    poll(
        page,
        "user => lmsProgressStore.count(user).then(n => n === 0)",
        str(world["learner"].pk),
    )
    assert_counted_once(world, events)
    context.close()


def test_background_sync_sends_progress_with_no_page_of_the_site_open(
    browser, live_server, world
):
    context = phone(browser, live_server, world["session"])
    events = learn_offline_then_close(context, live_server, world)
    context.set_offline(False)

    blank = context.new_page()  # about:blank: nothing of the site runs here
    cdp = context.new_cdp_session(blank)
    registrations = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda params: registrations.extend(params["registrations"]),
    )
    cdp.send("ServiceWorker.enable")
    wait_until(lambda: any(not r["isDeleted"] for r in registrations), blank)
    registration = next(r for r in registrations if not r["isDeleted"])
    assert registration["scopeURL"] == live_server.url + "/"
    cdp.send(
        "ServiceWorker.dispatchSyncEvent",
        {
            "origin": live_server.url,
            "registrationId": registration["registrationId"],
            "tag": "lms-progress",
            "lastChance": False,
        },
    )
    wait_until(lambda: ProgressEvent.objects.count() == len(events), blank)
    assert_counted_once(world, events)
    context.close()


@pytest.fixture
def saved_world(live_server, course, settings):
    """A lesson with an image and a ready video whose MP4 download is real."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from cms.models.media import TranscodeStatus
    from tests.cms.video.conftest import make_video

    mp4 = make_video(settings.MEDIA_ROOT / "clip.mp4", size="426x240")
    name = default_storage.save(
        "media/renditions/1/1/download.mp4", ContentFile(mp4.read_bytes())
    )
    video = LessonMedia.objects.create(
        title="Video",
        file="media/clip.mp4",
        type="video",
        duration=2,
        transcode_status=TranscodeStatus.READY,
        hls_playlist="media/renditions/1/1/master.m3u8",  # never made: offline test
        download_file=name,
    )
    image = get_image_model().objects.create(
        title="Ruộng", file=get_test_image_file(size=(800, 450))
    )
    lesson = make_lesson(
        course,
        "Bài lưu về máy",
        body=[
            ("paragraph", "<p>Đọc khi không có mạng.</p>"),
            ("image", {"image": image, "alt_text": "Ruộng lúa", "decorative": False}),
            ("video", {"video": video, "caption": ""}),
        ],
    )
    return {"lesson": lesson, "video": video, "bytes": len(mp4.read_bytes())}


def test_a_saved_lesson_is_listed_reads_and_plays_offline_and_can_be_removed(
    browser, live_server, saved_world
):
    lesson, video = saved_world["lesson"], saved_world["video"]
    context = phone(browser, live_server)
    page = controlled(context, live_server.url + "/")
    console = watch(page)
    page.goto(live_server.url + lesson.url)
    size = page.text_content("[data-save-size]")
    assert "Tốn khoảng" in size and "KB" in size  # shown before saving
    page.get_by_role("button", name="Lưu để học khi không có mạng").click()
    page.wait_for_selector("[data-save-lesson][data-saved=true]", timeout=20000)
    assert "Đã lưu vào máy" in page.text_content("[data-save-status]")
    stored = page.evaluate(
        """name => caches.open(name).then(c => c.keys())
             .then(keys => keys.map(k => new URL(k.url).pathname))""",
        f"saved-lesson:{lesson.pk}",
    )
    assert lesson.url in stored
    assert video.download_url in stored
    assert any(path.startswith("/media/images/") for path in stored)

    page.goto(live_server.url + "/bai-da-luu/")
    item = page.locator("[data-saved-lesson]")
    item.wait_for()
    assert item.locator("a").text_content() == "Bài lưu về máy"
    assert "trên máy" in item.text_content()

    # Only the saved copy can answer now: the pages and images the worker kept
    # while browsing are gone, the network too.
    page.evaluate("Promise.all(['pages', 'images'].map(n => caches.delete(n)))")
    context.set_offline(True)
    page.goto(live_server.url + lesson.url)
    assert page.text_content("h1") == "Bài lưu về máy"
    page.wait_for_function(
        "() => [...document.querySelectorAll('main img')].every(i => i.naturalWidth)"
    )
    player = page.locator("[data-lesson-player]")
    player.wait_for()
    page.wait_for_function(
        "() => document.querySelector('[data-lesson-player]').dataset.savedSrc"
    )
    # The MP4 plays from the copy: the worker answers the player's byte ranges.
    # Pressing play (the video's own control) plays the copy, not the unreachable
    # stream the player would otherwise attach on first play.
    page.evaluate(
        "document.querySelector('[data-player-media]').play().catch(() => {})"
    )
    duration = poll(
        page,
        """() => {
          const root = document.querySelector('[data-lesson-player]');
          const media = root.querySelector('[data-player-media]');
          return media.currentSrc === root.dataset.savedSrc && media.readyState >= 1
            && root.dataset.engine === 'saved' && media.duration;
        }""",
    )
    assert 1.5 < duration < 2.5
    assert violations(page, console) == []

    context.set_offline(False)
    page.goto(live_server.url + "/bai-da-luu/")
    page.locator("[data-saved-lesson] button").click()
    page.wait_for_selector("[data-saved-empty]:not([hidden])")
    assert not page.evaluate(f"caches.has('saved-lesson:{lesson.pk}')")
    context.close()


def test_signing_out_drops_the_pages_kept_for_that_person(browser, live_server, world):
    context = phone(browser, live_server, world["session"])
    page = controlled(context, live_server.url + "/")
    lesson_url = live_server.url + world["lesson"].url
    page.goto(lesson_url)
    poll(page, KEPT, lesson_url)
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_load_state()
    poll(page, f"url => ({KEPT})(url).then(kept => !kept)", lesson_url)
    context.close()

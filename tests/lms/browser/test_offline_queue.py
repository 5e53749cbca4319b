"""The lesson page's progress queue in a real browser, network cut and restored."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from cms.models import LessonMedia
from lms.models import LessonProgress, ProgressEvent
from lms.services.enrolments import enrol
from tests.browser_poll import poll
from tests.lms.conftest import make_lesson

pytestmark = [pytest.mark.browser, pytest.mark.urls("tests.lms.browser.urls")]


@pytest.fixture
def world(live_server, commune, course):
    learner = get_user_model().objects.create_user(
        phone="0966000111",
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
    enrolment = enrol(learner=learner, course=course).enrolment
    # Enrolled yesterday: time on the lesson counts from enrolling.
    enrolment.enrolled_at -= timedelta(days=1)
    enrolment.save(update_fields=["enrolled_at"])
    client = Client()
    client.force_login(learner)
    return {
        "learner": learner,
        "lesson": lesson,
        "video": video,
        "session": client.cookies["sessionid"].value,
        "url": f"{live_server.url}/test-lesson/{lesson.pk}/",
    }


def open_lesson(context, world):
    page = context.new_page()
    page.goto(world["url"])
    page.wait_for_function("() => window.lmsProgressQueue !== undefined")
    return page


def queued(page, world):
    """The events waiting in IndexedDB (lms/js/progress-store.js)."""
    return page.evaluate(
        "user => lmsProgressQueue.stored().then(() => lmsProgressStore.list(user))"
        ".then(records => records.map(r => r.event))",
        str(world["learner"].pk),
    )


SENT = "() => lmsProgressQueue.pending().then(n => n === 0)"


def test_events_survive_offline_and_reopening(browser, live_server, world):
    """Events made offline are kept across closing the tab and sent once online."""
    try:
        check_events_survive_offline_and_reopening(browser, live_server, world)
    finally:
        # Under Playwright the ORM calls above get a connection of their own, which
        # the test teardown does not see; left open, it blocks dropping the test
        # database on PostgreSQL.
        connection.close()


def check_events_survive_offline_and_reopening(browser, live_server, world):
    context = browser.new_context()
    context.add_cookies(
        [{"name": "sessionid", "value": world["session"], "url": live_server.url}]
    )
    # The server is unreachable at first: sending fails and is retried later.
    context.route("**/api/lms/events/", lambda route: route.abort())
    page = open_lesson(context, world)
    # A lesson with media has no "I have finished" button: watching completes it.
    assert page.locator("[data-mark-done]").count() == 0
    assert page.get_attribute("[data-rule]", "data-rule") == "media"
    context.set_offline(True)
    lesson_id, media_id = world["lesson"].pk, world["video"].pk
    page.evaluate(
        """([lesson, media]) => {
          lmsProgressQueue.enqueue("lesson.time", {seconds: 25});
          const detail = {lesson: lesson, media: media, from: 0, to: 50};
          document.dispatchEvent(new CustomEvent("lesson:media-progress", {detail}));
          document.dispatchEvent(new CustomEvent("lesson:media-progress",
            {detail: {lesson: lesson, media: media, from: 20, to: 60}}));
        }""",
        [lesson_id, media_id],
    )
    events = queued(page, world)
    assert [e["type"] for e in events][:3] == [
        "lesson.time",
        "media.watched",
        "media.watched",
    ]
    assert page.text_content("[data-queue-status]").strip()
    page.close()
    assert not ProgressEvent.objects.exists()

    context.unroute("**/api/lms/events/")
    context.set_offline(False)
    page = open_lesson(context, world)
    poll(page, SENT)

    learner = world["learner"]
    stored = {
        str(pk)
        for pk in ProgressEvent.objects.values_list("client_event_id", flat=True)
    }
    assert {e["id"] for e in events} <= stored
    progress = LessonProgress.objects.get(learner=learner, lesson=world["lesson"])
    time_events = ProgressEvent.objects.filter(type="lesson.time")
    assert progress.seconds_spent == sum(e.payload["seconds"] for e in time_events)
    assert progress.seconds_spent >= 25
    # [0, 50] ∪ [20, 60], but [50, 60] reported the same instant as [0, 50]
    # could not have played yet: it adds nothing (lms/services/watch_time.py).
    assert progress.watched_seconds == 50
    assert progress.completed_at is None  # 50 of 100 s watched: not yet 90 %

    # The same events sent again (a lost answer, say) change nothing.
    before = (ProgressEvent.objects.count(), progress.seconds_spent)
    page.evaluate(
        """async ([user, events]) => {
          for (const event of events) {
            await lmsProgressStore.add(user, "/api/lms/events/", event);
          }
          return lmsProgressQueue.flush();
        }""",
        [str(learner.pk), events],
    )
    poll(page, SENT)
    progress.refresh_from_db()
    assert (ProgressEvent.objects.count(), progress.seconds_spent) == before
    context.close()


def test_queue_left_in_local_storage_by_the_older_script_is_sent(
    browser, live_server, world
):
    """Events queued before the queue moved to IndexedDB are adopted and sent."""
    try:
        context = browser.new_context()
        context.add_cookies(
            [{"name": "sessionid", "value": world["session"], "url": live_server.url}]
        )
        page = open_lesson(context, world)
        key = f"lms-progress-queue:{world['learner'].pk}"
        event = {
            "id": "5d0c7a52-8f0e-4c3c-9a55-0c8e1f2b7a10",
            "type": "lesson.time",
            "lesson": world["lesson"].pk,
            "at": page.evaluate("new Date().toISOString()"),
            "seconds": 20,
        }
        page.evaluate(
            "([key, event]) => localStorage.setItem(key, JSON.stringify([event]))",
            [key, event],
        )
        page.reload()
        page.wait_for_function("() => window.lmsProgressQueue !== undefined")
        # Adopted into IndexedDB first (the old key goes), then sent.
        page.wait_for_function("key => localStorage.getItem(key) === null", arg=key)
        poll(page, SENT)
        stored = ProgressEvent.objects.values_list("client_event_id", flat=True)
        assert [str(pk) for pk in stored] == [event["id"]]
        context.close()
    finally:
        connection.close()

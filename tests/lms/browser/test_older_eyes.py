"""Older eyes and fingers at 360×740: attendance rows, quiz choices, larger text."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from lms.models import ClassSession
from lms.services import classes
from lms.services.enrolments import enrol
from tests.lms.browser.conftest import browser  # noqa: F401
from tests.lms.browser.test_accessibility import PHONE, make_quiz, session_cookie
from tests.lms.conftest import make_lesson

pytestmark = pytest.mark.browser

# What the finger or eye meets at the centre of the focused box, if not the box.
COVERED = """() => {
  const el = document.activeElement;
  const b = el.getBoundingClientRect();
  const hit = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2);
  const ok = hit === el || el.closest("label").contains(hit);
  return ok ? "" : String(hit && hit.className);
}"""

BOX = """(el) => { const b = el.getBoundingClientRect();
  return {x: b.x, y: b.y, w: b.width, h: b.height}; }"""


@pytest.fixture
def long_names_class(live_server, centre, staff, commune):
    """A class with twelve residents, some with very long names."""
    session = ClassSession.objects.create(
        centre=centre,
        topic="Phòng chống lừa đảo qua mạng",
        date=timezone.localdate() - timedelta(days=1),
        hours=2,
    )
    people = [
        get_user_model().objects.create_user(
            phone=f"09660003{n:02d}",
            password="mat-khau-x",
            full_name=(
                "Nguyễn Thị Phương Thảo Hoàng Lan Anh Ngọc Bích Tuyết Mai Hương"
                if n % 3 == 0
                else f"Lò Văn {n}"
            ),
            commune=commune,
        )
        for n in range(12)
    ]
    classes.register_for_session(session=session, learners=people, recorded_by=staff)
    yield session
    connection.close()


def test_attendance_boxes_keep_their_size_and_the_save_button_covers_no_row(
    browser,  # noqa: F811
    live_server,
    staff,
    long_names_class,
):
    context = browser.new_context(viewport=PHONE)
    context.add_cookies([session_cookie(staff, live_server)])
    page = context.new_page()
    page.goto(
        live_server.url + reverse("lms:staff-attendance", args=[long_names_class.pk])
    )
    boxes = page.locator(".lms-tick input[type=checkbox]")
    count = boxes.count()
    assert count >= 12
    sizes = {
        (round(b["w"]), round(b["h"]))
        for b in boxes.evaluate_all(f"(els) => els.map({BOX})")
    }
    assert len(sizes) == 1, sizes  # long names do not squeeze their box
    assert min(sizes.pop()) >= 28
    # Going down the list with the keyboard, the box in focus is never under the
    # sticky save button.
    page.locator(".lms-tick input[type=checkbox]").first.focus()
    for index in range(count):
        covered = page.evaluate(COVERED)
        assert covered == "", (index, covered)
        page.keyboard.press("Tab")
    context.close()


def test_quiz_radios_are_large_and_beside_their_labels(
    browser,  # noqa: F811
    live_server,
    resident,
    course,
):
    try:
        lesson = make_lesson(course, "Bài 1: An toàn trên mạng")
        quiz = make_quiz(lesson)
        enrol(learner=resident, course=course)
        context = browser.new_context(viewport=PHONE)
        context.add_cookies([session_cookie(resident, live_server)])
        page = context.new_page()
        page.goto(live_server.url + reverse("lms:quiz", args=[quiz.pk]))
        radios = page.locator("input[type=radio]")
        assert radios.count() == 4
        for i in range(radios.count()):
            radio = radios.nth(i)
            box = radio.evaluate(BOX)
            label = radio.evaluate(f"(el) => ({BOX})(el.closest('label'))")
            assert box["w"] >= 24 and box["h"] >= 24, box
            assert label["h"] >= 44, label
            # Beside its words, not above them: centred on the label's line.
            assert abs((box["y"] + box["h"] / 2) - (label["y"] + label["h"] / 2)) < 6
            assert box["x"] - label["x"] < 4
        context.close()
    finally:
        connection.close()


def test_larger_text_is_remembered_on_the_device(
    browser,  # noqa: F811
    live_server,
    home_page,
):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    size = "() => getComputedStyle(document.documentElement).fontSize"
    page.goto(live_server.url + reverse("lms:login"))
    assert page.evaluate(size) == "18px"
    button = page.get_by_role("button", name="Chữ to hơn")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert page.evaluate(size) == "22px"
    assert button.get_attribute("aria-pressed") == "true"
    page.goto(live_server.url + "/")  # another page, the same device
    assert page.evaluate(size) == "22px"
    page.get_by_role("button", name="Chữ to hơn").click()
    page.reload()
    assert page.evaluate(size) == "18px"
    context.close()
    connection.close()

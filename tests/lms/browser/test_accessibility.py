"""Older eyes and fingers, in Debian's Chromium at 360×740.

axe-core (the copy `axe-playwright-python` bundles) finds no serious or critical
WCAG 2.2 AA violation, and no tap target is smaller than 44×44 px, on the public,
resident, staff and officer pages of the demo site.
"""

import json
from pathlib import Path

import axe_playwright_python
import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cms.demo import attach_demo_video, load_cms_demo
from cms.models import (
    CourseIndexPage,
    LessonMedia,
    LessonPage,
    OpenResourcePage,
)
from cms.models.media import TranscodeStatus
from lms.demo import DEMO_STAFF, load_lms_demo
from lms.models import ClassSession, QuestionKind, Quiz, QuizQuestion
from lms.recognition.demo import DEMO_OFFICERS, load_recognition_demo
from tests.lms.browser.conftest import browser  # noqa: F401

pytestmark = pytest.mark.browser

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 360, "height": 740}
TARGET = 44  # px, WCAG 2.5.5 (AAA) and the platform's rule for older fingers

# Every visible control a finger must hit. A checkbox or radio inside (or named
# by) a label is hit through its label, so the label is what is measured. Links
# inside running text (a paragraph, a list item's sentence) are exempt, as WCAG
# 2.5.8 exempts inline targets whose size is set by the line of text.
SMALL_TARGETS = """
(minimum) => {
  const found = [];
  const visible = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility !== "hidden" && style.display !== "none"
      && box.width > 0 && box.height > 0;
  };
  const inline = (el) => {
    if (el.tagName !== "A") return false;
    const block = el.closest("p, li, td, dd, figcaption, small");
    if (!block || block.closest("nav")) return false;
    const text = block.textContent.replace(/\\s+/g, " ").trim();
    const own = el.textContent.replace(/\\s+/g, " ").trim();
    return text.length > own.length + 20;
  };
  const controls = document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary"
  );
  for (const el of controls) {
    let target = el;
    if (el.type === "checkbox" || el.type === "radio") {
      target = el.labels && el.labels[0] ? el.labels[0] : el;
    }
    if (!visible(target) || inline(el)) continue;
    const box = target.getBoundingClientRect();
    if (box.width < minimum - 0.5 || box.height < minimum - 0.5) {
      const name = (el.textContent || el.value || el.name || el.type || "").trim();
      found.push(`${el.tagName.toLowerCase()} "${name.slice(0, 40)}" `
        + `${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  return found;
}
"""


def session_cookie(user, live_server) -> dict:
    client = Client()
    client.force_login(user)
    return {
        "name": "sessionid",
        "value": client.cookies["sessionid"].value,
        "url": live_server.url,
    }


def make_quiz(lesson: LessonPage) -> Quiz:
    quiz = Quiz.objects.create(title="Kiểm tra bài học", lesson=lesson)
    QuizQuestion.objects.create(
        quiz=quiz,
        sort_order=0,
        kind=QuestionKind.SINGLE,
        text="Khi có người lạ gọi xin mã OTP, bác nên làm gì?",
        choices=[
            ("choice", {"text": "Đọc mã cho họ", "correct": False}),
            ("choice", {"text": "Không đưa mã, gọi cho con cháu hỏi", "correct": True}),
        ],
    )
    QuizQuestion.objects.create(
        quiz=quiz,
        sort_order=1,
        kind=QuestionKind.TRUE_FALSE,
        text="Mật khẩu nên là ngày sinh cho dễ nhớ.",
        true_false_answer=False,
    )
    return quiz


@pytest.fixture
def site(live_server, tmp_path, monkeypatch):
    """The demo site: pages, residents with progress, staff, officers, a quiz."""
    monkeypatch.setattr(
        "lms.demo.DEMO_RESIDENT_PASSWORD_FILE", tmp_path / "resident-password"
    )
    monkeypatch.setattr("cms.demo.STAFF_PASSWORD_FILE", tmp_path / "staff-password")
    load_cms_demo()
    video = LessonMedia.objects.create(
        title="Làm quen với điện thoại",
        file="media/v.mp4",
        type="video",
        duration=60,
        transcode_status=TranscodeStatus.READY,
        hls_playlist="media/renditions/1/1/master.m3u8",
        download_file="media/renditions/1/1/download.mp4",
    )
    video_lesson = attach_demo_video(video)
    demo = load_lms_demo()
    load_recognition_demo()
    User = get_user_model()
    text_lesson = (
        LessonPage.objects.live()
        .exclude(pk=video_lesson.pk)
        .filter(path__startswith=video_lesson.get_parent().path)
        .order_by("path")
        .first()
    )
    quiz = make_quiz(text_lesson)
    session = ClassSession.objects.filter(date__lte=timezone.localdate()).first()
    yield {
        "resident": User.objects.get(phone=demo["resident"]),
        "staff": User.objects.get(phone=DEMO_STAFF[0]),
        "officer": User.objects.get(phone=DEMO_OFFICERS[0][0]),
        "public": {
            "home": "/",
            "catalogue": CourseIndexPage.objects.live().filter(depth=3).first().url,
            "course": video_lesson.get_parent().url,
            "text lesson": text_lesson.url,
            "video lesson": video_lesson.url,
            "resource": OpenResourcePage.objects.live().first().url,
            "search": reverse("search") + "?q=l%C3%BAa",
            "sign-in": reverse("lms:login"),
        },
        "resident_pages": {
            "my learning": reverse("lms:my-learning"),
            "checklist": reverse("recognition:checklist"),
            "quiz": reverse("lms:quiz", args=[quiz.pk]),
            "text lesson (enrolled)": text_lesson.url,
            "video lesson (enrolled)": video_lesson.url,
        },
        "staff_pages": {
            "staff dashboard": reverse("lms:staff"),
            "attendance": reverse("lms:staff-attendance", args=[session.pk]),
            "new class": reverse("lms:staff-session-create"),
            "enrol": reverse("lms:staff-enrol"),
            "temporary password": reverse("lms:staff-temporary-password"),
            "decision register": reverse("recognition:decision_register"),
        },
        "officer_pages": {
            "recognition queue": reverse("recognition:queue"),
            "decision register": reverse("recognition:decision_register"),
            "reports": reverse("reports:dashboard"),
        },
    }
    connection.close()  # Playwright's thread opened its own connection


def serious_violations(page) -> list[str]:
    page.add_script_tag(content=AXE)
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_22_AA,
    )
    return [
        f"{v['id']} ({v['impact']}): "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def visit_all(browser, live_server, site, check) -> dict[str, list[str]]:  # noqa: F811
    """Run `check(page)` on every page as the person who sees it; report by page."""
    found = {}
    people = [
        (None, site["public"]),
        (site["resident"], site["resident_pages"]),
        (site["staff"], site["staff_pages"]),
        (site["officer"], site["officer_pages"]),
    ]
    for person, pages in people:
        context = browser.new_context(viewport=PHONE, bypass_csp=True)
        if person is not None:
            context.add_cookies([session_cookie(person, live_server)])
        page = context.new_page()
        for name, url in pages.items():
            response = page.goto(live_server.url + url)
            assert response.status == 200, (name, url, response.status)
            page.wait_for_load_state("load")
            problems = check(page)
            if problems:
                found[name] = problems
        context.close()
    return found


def sign_up_with_errors(page, live_server) -> None:
    page.goto(live_server.url + reverse("lms:signup"))
    page.fill("#id_full_name", "Giàng Thị Mai")
    page.fill("#id_login", "0912")
    page.fill("#id_password", "abc")
    page.fill("#id_password_again", "abd")
    page.click("button[type=submit].lms-button")
    page.wait_for_load_state("load")


def test_pages_pass_axe_and_have_44_px_targets(browser, live_server, site):  # noqa: F811
    """One visit per page (the demo takes a minute to load): axe-core's serious and
    critical WCAG 2.2 AA violations, then tap targets under 44×44 px."""

    def check(page):
        return serious_violations(page) + [
            f"small target: {target}" for target in page.evaluate(SMALL_TARGETS, TARGET)
        ]

    found = visit_all(browser, live_server, site, check)
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    sign_up_with_errors(page, live_server)
    # What was typed is kept, except the passwords; each error sits in its field's box.
    assert page.input_value("#id_full_name") == "Giàng Thị Mai"
    assert page.input_value("#id_login") == "0912"
    assert page.input_value("#id_password") == ""
    assert page.locator(".lms-field.has-error .lms-error").count() >= 1
    assert page.locator(".lms-field:has(#id_login) .lms-error").count() == 1
    if problems := check(page):
        found["sign-up with errors"] = problems
    context.close()
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)

"""Centre staff see no English in the admin screens they use.

Each screen's visible text is read the way a person meets it: the HTML text, the
labels screen readers and tooltips announce, the sidebar (rendered from JSON) and
the StreamField block definitions (labels the editor's JavaScript shows). The test
fails on any of a list of English words staff have met in the admin.
"""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from .staff_admin import build_centre

# Words seen in English by staff, and the admin's common vocabulary.
ENGLISH = [
    "Password", "Heading", "Root", "Image", "Images", "Actions", "Add", "Save",
    "Publish", "Draft", "Title", "Search", "Upload", "Choose", "Collection",
    "Documents", "Document", "Pages", "Edit", "Delete", "Preview", "Settings",
    "Reports", "Help", "Dashboard", "Content", "Promote", "Comments", "Status",
    "Live", "Workflow", "Insert", "Block", "Server Error", "Sign out", "Log out",
    "Cancel", "Submit", "Close", "Filter", "Sort", "Select", "Caption", "Audio",
    "Thumbnail", "Tags", "Summary", "Body", "Lesson", "Course", "Required",
    "Moderators", "approval",
]  # fmt: skip
WORDS = re.compile(r"\b(" + "|".join(map(re.escape, ENGLISH)) + r")\b")
# Attributes whose text people meet: tooltips, screen-reader names, hints.
SPOKEN_ATTRIBUTES = (
    "aria-label",
    "title",
    "placeholder",
    "alt",
    "data-w-tooltip-content-value",
)
# JSON keys of the sidebar and of block definitions that reach the screen.
SHOWN_KEYS = re.compile(
    r'"(?:label|title|helpText|help_text|text)": "((?:[^"\\]|\\.)*)"'
)


def _decoded(text: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)


def shown_texts(content: bytes | str) -> list[str]:
    """Every piece of text a person can meet on the page."""
    if isinstance(content, bytes):
        content = content.decode()
    if content.lstrip().startswith("{"):  # a modal step: HTML inside JSON
        content = json.loads(content).get("html", "")
    soup = BeautifulSoup(content, "html.parser")
    texts = []
    for script in soup.find_all("script"):
        if script.get("id") == "wagtail-sidebar-props":
            texts += SHOWN_KEYS.findall(_decoded(script.get_text()))
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            if name in SPOKEN_ATTRIBUTES:
                texts.append(value)
            elif name.startswith("data-w-block") and isinstance(value, str):
                texts += SHOWN_KEYS.findall(_decoded(value))
    for hidden in soup.find_all(["script", "style", "template"]):
        hidden.decompose()
    texts += [text for text in soup.stripped_strings]
    return texts


def english_in(content) -> list[str]:
    return sorted({m for text in shown_texts(content) for m in WORDS.findall(text)})


@pytest.fixture
def world(home_page, commune):
    return build_centre(home_page, commune)


def staff_screens(world) -> dict[str, str]:
    lesson_add = reverse(
        "wagtailadmin_pages:add", args=("cms", "lessonpage", world.course.pk)
    )
    return {
        "dashboard": "/admin/",
        "centre explorer": f"/admin/pages/{world.centre_page.pk}/",
        "course explorer": f"/admin/pages/{world.course.pk}/",
        "lesson editor": f"/admin/pages/{world.lesson.pk}/edit/",
        "new lesson": lesson_add,
        "page history": f"/admin/pages/{world.lesson.pk}/history/",
        "images": "/admin/images/",
        "image upload": "/admin/images/multiple/add/",
        "documents": "/admin/documents/",
        "document upload": "/admin/documents/multiple/add/",
        "media": "/admin/media/",
        "video upload": "/admin/media/video/add/",
        "audio upload": "/admin/media/audio/add/",
        "media processing": "/admin/media-status/",
        "page chooser": "/admin/choose-page/",
        "image chooser": "/admin/images/chooser/",
        "document chooser": "/admin/documents/chooser/",
        "page search": "/admin/pages/search/?q=lua",
    }


def test_the_word_list_catches_english(world):
    """The checker itself: it finds a known English label where one is shown."""
    assert english_in('<button aria-label="Actions">x</button><p>Root</p>') == [
        "Actions",
        "Root",
    ]
    assert english_in("<p>Thêm bài học</p><p>Lưu bản nháp</p>") == []


def test_centre_staff_meet_no_english(client, world):
    client.force_login(world.staff)
    found = {}
    for name, url in staff_screens(world).items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        words = english_in(response.content)
        if words:
            found[name] = words
    assert found == {}

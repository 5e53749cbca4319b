"""A new lesson's minutes come from its media when nobody typed them."""

import pytest
from django.core.files.base import ContentFile
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.models import CourseIndexPage, CoursePage, LessonMedia, LessonPage


@pytest.fixture
def course(home_page):
    index = home_page.add_child(instance=CourseIndexPage(title="Khoá học"))
    return index.add_child(instance=CoursePage(title="Trồng lúa", summary="Lúa"))


@pytest.fixture
def clip(db):
    return LessonMedia.objects.create(
        title="Gieo mạ", type="video", duration=20,
        file=ContentFile(b"x", name="gieo-ma.mp4"),
    )  # fmt: skip


def lesson_form(course, clip, *, minutes, instance=None):
    form_class = LessonPage.get_edit_handler().get_form_class()
    data = nested_form_data(
        {
            "title": "Gieo mạ",
            "slug": "gieo-ma",
            "summary": "",
            "estimated_minutes": minutes,
            "is_required": "on",
            "body": streamfield([("video", {"video": clip.pk, "caption": ""})]),
        }
    )
    return form_class(
        data, instance=instance or LessonPage(), parent_page=course, for_user=None
    )


def test_new_lesson_with_a_20_second_clip_is_one_minute(course, clip):
    form = lesson_form(course, clip, minutes=15)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["estimated_minutes"] == 1


def test_typed_minutes_are_kept(course, clip):
    form = lesson_form(course, clip, minutes=25)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["estimated_minutes"] == 25

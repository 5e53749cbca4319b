"""Reads of the staff lesson flow: which courses a person may add to, their lessons."""

import json
from dataclasses import dataclass

from wagtail.permissions import page_permission_policy

from accounts.places import place_of
from cms.models import CoursePage, LessonMedia, LessonPage

from .status import status_words

MEDIA_BLOCKS = ("video", "audio")


def courses_for_new_lesson(user):
    """Courses of the person's own centre under which their page rights let them add
    a lesson; each still passes ``lms.add_lesson_to_course`` when chosen."""
    addable = page_permission_policy.instances_user_has_permission_for(user, "add")
    return (
        CoursePage.objects.filter(
            centre__commune_id=place_of(user).commune_id,
            pk__in=addable.values("pk"),
        )
        .select_related("centre")
        .order_by("title")
    )


def _media_ids(body) -> list[int]:
    if isinstance(body, str):
        body = json.loads(body or "[]")
    return [
        block["value"][block["type"]]
        for block in body or []
        if block.get("type") in MEDIA_BLOCKS
        and isinstance(block.get("value"), dict)
        and block["value"].get(block["type"])
    ]


def current_media(lesson: LessonPage) -> LessonMedia | None:
    """The first video or audio of the lesson as last saved (draft included)."""
    draft = lesson.get_latest_revision_as_object()
    for block in draft.body:
        if block.block_type in MEDIA_BLOCKS and block.value[block.block_type]:
            return block.value[block.block_type]
    return None


@dataclass(frozen=True)
class StaffLesson:
    lesson: LessonPage
    course_title: str
    media: LessonMedia | None

    @property
    def status(self) -> str:
        return status_words(self.media)


def lessons_of(user, *, limit: int = 30) -> list[StaffLesson]:
    """The person's own lessons, newest first, with their media: three queries."""
    lessons = list(
        LessonPage.objects.filter(owner=user)
        .select_related("latest_revision")
        .order_by("-pk")[:limit]
    )
    ids = {}
    for lesson in lessons:
        revision = lesson.latest_revision
        body = revision.content.get("body") if revision else None
        found = _media_ids(body if body is not None else lesson.body.raw_data)
        ids[lesson.pk] = found[0] if found else None
    media = LessonMedia.objects.in_bulk([pk for pk in ids.values() if pk])
    parents = {lesson.path[: -LessonPage.steplen] for lesson in lessons}
    titles = dict(
        CoursePage.objects.filter(path__in=parents).values_list("path", "title")
    )
    return [
        StaffLesson(
            lesson=lesson,
            course_title=titles.get(lesson.path[: -LessonPage.steplen], ""),
            media=media.get(ids[lesson.pk]),
        )
        for lesson in lessons
    ]

"""Writes of the staff lesson flow: courses, lessons, their media, trims and swaps.

Every lesson is a Wagtail page with revisions, so the full editor can take over at
any point; learners' progress belongs to the page, so swapping its media keeps it.
"""

import math
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Page

from cms.course_tree import centre_course_index, centre_page_of
from cms.models import Centre, CoursePage, LessonMedia, LessonPage
from cms.place_rights import centre_collection
from cms.resumable import service as resumable
from cms.text import fold
from cms.video.probe import inspect_media
from cms.video.services import request_transcode
from cms.video.trim import trim, trim_suffix
from lms.models import QuestionKind, Quiz, QuizQuestion

MEDIA_BLOCKS = ("video", "audio")


@dataclass(frozen=True)
class QuestionDraft:
    text: str
    answers: tuple[str, ...]
    right: int  # index into answers


def minutes_for(seconds: float) -> int:
    """A lesson's label in whole minutes from its media: a 20 s clip is 1 minute."""
    return max(1, math.ceil(seconds / 60))


def _free_slug(parent: Page, title: str, fallback: str) -> str:
    base = slugify(fold(title))[:60].strip("-") or fallback
    taken = set(
        parent.get_children()
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _paragraphs(text: str) -> list[tuple[str, str]]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [("paragraph", f"<p>{escape(line)}</p>") for line in lines]


def _save_draft(page: Page, *, author, created: bool):
    revision = page.save_revision(user=author, log_action=not created)
    if created:
        log(instance=page, action="wagtail.create", user=author, revision=revision)
    return revision


def _publish_if_allowed(page: Page, revision, *, author) -> bool:
    if not author.has_perm("cms.publish_page", page):
        return False
    revision.publish(user=author)
    return True


@transaction.atomic
def create_course(*, author, centre: Centre, title: str) -> CoursePage:
    """A new course under the centre's "Khoá học" page, a draft until a lesson in
    it is published."""
    index = centre_course_index(centre_page_of(centre))
    course = CoursePage(
        title=title,
        slug=_free_slug(index, title, "khoa-hoc"),
        summary=title,
        centre=centre,
        owner=author,
        live=False,
        has_unpublished_changes=True,
    )
    index.add_child(instance=course)
    _save_draft(course, author=author, created=True)
    return course


def store_media(
    *, author, centre: Centre, source: Path, filename: str, title: str, info=None
) -> LessonMedia:
    """A LessonMedia from a local file in the centre's collection, queued for
    transcoding once the transaction commits; the file is probed unless ``info``."""
    info = info or inspect_media(source)
    media = LessonMedia(
        title=title[:255],
        type=info.kind,
        collection=centre_collection(centre),
        uploaded_by_user=author,
        duration=round(info.duration, 3),
        width=info.width,
        height=info.height,
        size_bytes=info.size_bytes,
    )
    with source.open("rb") as handle:
        media.file.save(Path(filename).name or source.name, File(handle), save=False)
    media.save()
    request_transcode(media=media)
    return media


def _photo_image(*, author, centre: Centre, photo, title: str):
    image = get_image_model()(
        title=title[:255],
        file=photo,
        collection=centre_collection(centre),
        uploaded_by_user=author,
    )
    image.save()
    return image


def _media_block(media: LessonMedia) -> tuple[str, dict]:
    return (media.type, {media.type: media, "caption": ""})


def _attach_quiz(lesson: LessonPage, questions: list[QuestionDraft]) -> Quiz:
    quiz = Quiz.objects.create(title=lesson.title[:200], lesson=lesson)
    for order, question in enumerate(questions):
        QuizQuestion.objects.create(
            quiz=quiz,
            sort_order=order,
            kind=QuestionKind.SINGLE,
            text=question.text,
            choices=[
                ("choice", {"text": answer, "correct": index == question.right})
                for index, answer in enumerate(question.answers)
            ],
        )
    return quiz


@transaction.atomic
def create_lesson(
    *,
    author,
    course: CoursePage,
    title: str,
    text: str,
    media: LessonMedia,
    photo=None,
    questions: list[QuestionDraft] = (),
    publish: bool = False,
) -> LessonPage:
    """A lesson page in ``course`` holding ``media`` and the text: a draft revision,
    published (with its course, if that is still a draft) only when asked and
    allowed. Its minutes come from the media's probed length."""
    centre = course.centre
    body = []
    if photo is not None:
        image = _photo_image(author=author, centre=centre, photo=photo, title=title)
        body.append(("image", image))
    body.append(_media_block(media))
    body += _paragraphs(text)
    paragraphs = [line for line in text.splitlines() if line.strip()]
    lesson = LessonPage(
        title=title,
        slug=_free_slug(course, title, "bai-hoc"),
        summary=paragraphs[0].strip()[:300] if paragraphs else "",
        estimated_minutes=minutes_for(float(media.duration or 0)),
        body=body,
        owner=author,
        live=False,
        has_unpublished_changes=True,
    )
    course.add_child(instance=lesson)
    revision = _save_draft(lesson, author=author, created=True)
    if questions:
        _attach_quiz(lesson, list(questions))
    if publish and _publish_if_allowed(lesson, revision, author=author):
        course.refresh_from_db()
        if not course.live and course.latest_revision_id:
            _publish_if_allowed(course, course.latest_revision, author=author)
    return lesson


@transaction.atomic
def replace_media(*, author, lesson: LessonPage, media: LessonMedia) -> LessonPage:
    """Put ``media`` where the lesson's video or audio was, on the same page (its
    learners' progress stays); live lessons go live again when the author may
    publish, otherwise the change waits as a draft."""
    draft = lesson.get_latest_revision_as_object()
    blocks = []
    swapped = False
    for block in draft.body:
        if not swapped and block.block_type in MEDIA_BLOCKS:
            blocks.append(_media_block(media))
            swapped = True
        else:
            blocks.append((block.block_type, block.value))
    if not swapped:
        blocks.insert(0, _media_block(media))
    draft.body = blocks
    draft.estimated_minutes = minutes_for(float(media.duration or 0))
    revision = draft.save_revision(user=author, log_action=True)
    if lesson.live:
        _publish_if_allowed(draft, revision, author=author)
    return draft


def _local_path(media: LessonMedia, workdir: Path) -> Path:
    """The original on this machine: its own path, or a copy from remote storage."""
    try:
        return Path(media.file.path)
    except NotImplementedError:
        target = workdir / f"original{Path(media.file.name).suffix}"
        storage = media.file.storage
        with storage.open(media.file.name, "rb") as remote, target.open("wb") as local:
            while chunk := remote.read(1024 * 1024):
                local.write(chunk)
        return target


def trim_lesson(
    *,
    author,
    centre: Centre,
    lesson: LessonPage,
    media: LessonMedia,
    start: float,
    end: float,
) -> LessonMedia:
    """The lesson's recording from ``start`` to ``end`` seconds as a new media, put
    in its place and queued for transcoding; the original row and file are only
    read (it stays in the centre's collection)."""
    with tempfile.TemporaryDirectory(prefix="trim-") as directory:
        workdir = Path(directory)
        source = _local_path(media, workdir)
        target = workdir / f"trimmed{trim_suffix(media.type)}"
        trim(source, target, start=start, end=end, kind=media.type)
        info = inspect_media(target, expected_kind=media.type)
        with transaction.atomic():
            trimmed = store_media(
                author=author,
                centre=centre,
                source=target,
                filename=f"{Path(media.file.name).stem}-cat{target.suffix}",
                title=media.title,
                info=info,
            )
            replace_media(author=author, lesson=lesson, media=trimmed)
    return trimmed


def send_lesson(
    *,
    author,
    centre: Centre,
    course: CoursePage | None,
    new_course_title: str = "",
    title: str,
    text: str,
    source: Path,
    filename: str,
    photo=None,
    questions: list[QuestionDraft] = (),
    publish: bool = False,
    upload=None,
) -> LessonPage:
    """Everything "Gửi" does, in one transaction once the recording is probed (a
    refused one raises MediaRejected before anything is written): the course if
    new, the media, the lesson and its quiz; the finished upload is let go."""
    info = inspect_media(source)
    with transaction.atomic():
        if course is None:
            course = create_course(author=author, centre=centre, title=new_course_title)
        media = store_media(
            author=author,
            centre=centre,
            source=source,
            filename=filename,
            title=title,
            info=info,
        )
        lesson = create_lesson(
            author=author,
            course=course,
            title=title,
            text=text,
            media=media,
            photo=photo,
            questions=questions,
            publish=publish,
        )
        if upload is not None:
            resumable.terminate(upload)
    return lesson


def swap_in_recording(
    *,
    author,
    centre: Centre,
    lesson: LessonPage,
    source: Path,
    filename: str,
    upload=None,
) -> LessonMedia:
    """A new recording for an existing lesson (same page, same learners' progress)."""
    info = inspect_media(source)
    with transaction.atomic():
        media = store_media(
            author=author,
            centre=centre,
            source=source,
            filename=filename,
            title=lesson.title,
            info=info,
        )
        replace_media(author=author, lesson=lesson, media=media)
        if upload is not None:
            resumable.terminate(upload)
    return media

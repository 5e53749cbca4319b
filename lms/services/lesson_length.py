"""How long a lesson really takes: its media's probed length and its reading time.

The staff-entered ``estimated_minutes`` is only a label; limits and completion rules
use what the lesson holds: LessonMedia.duration (probed by ffmpeg on upload) and the
words of its body read at a slow pace.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.html import strip_tags

from cms.models import LessonPage

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class LessonLength:
    media_seconds: float
    reading_seconds: int

    @property
    def total_seconds(self) -> int:
        return round(self.media_seconds + self.reading_seconds)


def reading_seconds(*, words: int, documents: int = 0) -> int:
    """Reading time at a slow pace, never under the floor; documents add their share."""
    seconds = 60 * words / settings.LMS_READING_WORDS_PER_MINUTE
    seconds += 60 * documents * settings.LMS_DOCUMENT_READING_MINUTES
    return round(max(seconds, 60 * settings.LMS_READING_FLOOR_MINUTES))


def body_words(lesson: LessonPage) -> tuple[int, int]:
    """Words of the lesson's text blocks and the number of its documents (PDFs)."""
    # Kept on the instance: the events of one request share their lesson objects.
    cached = lesson.__dict__.get("_lms_body_words")
    if cached is None:
        cached = lesson.__dict__["_lms_body_words"] = _count(lesson)
    return cached


def _count(lesson: LessonPage) -> tuple[int, int]:
    words = documents = 0
    for block in lesson.body:
        if block.block_type == "document":
            documents += 1
        if block.block_type in ("video", "audio", "image", "embed", "document"):
            continue
        content = block.block.get_searchable_content(block.value)
        words += sum(len(WORD.findall(strip_tags(str(part)))) for part in content)
    return words, documents


def lesson_length(lesson: LessonPage, *, media_seconds: float) -> LessonLength:
    """The lesson's length; ``media_seconds`` from its media timeline."""
    words, documents = body_words(lesson)
    return LessonLength(
        media_seconds=media_seconds,
        reading_seconds=reading_seconds(words=words, documents=documents),
    )

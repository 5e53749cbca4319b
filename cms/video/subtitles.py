"""Subtitles: an uploaded SRT or WebVTT file becomes a checked WebVTT per language."""

import ffmpeg
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from cms.content_languages import autonym
from cms.models import LessonMedia
from cms.models.media import MediaCaption

from .captions import MAX_CAPTION_BYTES, webvtt_problem
from .services import request_playlists


class SubtitleRejected(Exception):
    """The file cannot be shown as subtitles; ``message`` says why, in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def to_webvtt(data: bytes) -> bytes:
    """WebVTT for an SRT or WebVTT file, checked as players read it.

    SRT is converted by ffmpeg; a file it cannot read, or that yields no cue, is
    refused, as is a WebVTT file that ``captions.webvtt_problem`` refuses.
    """
    if len(data) > MAX_CAPTION_BYTES:
        raise SubtitleRejected(_("The caption file is too large (at most 2 MB)."))
    if not data.lstrip(b"\xef\xbb\xbf").lstrip().startswith(b"WEBVTT") and data.strip():
        try:
            data, _errors = (
                ffmpeg.input("pipe:", f="srt")
                .output("pipe:", f="webvtt")
                .global_args("-nostdin")
                .run(input=data, capture_stdout=True, capture_stderr=True)
            )
        except ffmpeg.Error:
            raise SubtitleRejected(
                _("This is neither an SRT nor a WebVTT subtitle file.")
            ) from None
    problem = webvtt_problem(data)
    if problem:
        raise SubtitleRejected(problem)
    return data


@transaction.atomic
def add_subtitles(
    *, media: LessonMedia, language: str, data: bytes, on_by_default: bool = False
) -> MediaCaption:
    """Store (or replace) the subtitles of ``media`` in ``language``.

    Nothing changes when the file is refused (SubtitleRejected). Turning one on by
    default turns the others off; the master playlist is published again.
    """
    vtt = to_webvtt(data)
    if on_by_default:
        MediaCaption.objects.filter(media=media, on_by_default=True).exclude(
            language=language
        ).update(on_by_default=False)
    caption = MediaCaption.objects.filter(media=media, language=language).first()
    caption = caption or MediaCaption(media=media, language=language)
    caption.label = autonym(language)
    caption.on_by_default = on_by_default
    # Stored under a random folder (MediaCaption.file's upload_to): the player reads
    # it from the public media prefix, so its address must not be guessable.
    caption.file.save(f"{language}.vtt", ContentFile(vtt), save=False)
    caption.save()
    request_playlists(media=media)
    return caption

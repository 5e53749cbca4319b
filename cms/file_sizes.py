"""Every document and audio/video file knows its size in bytes from its first save.

Wagtail fills ``Document.file_size`` only in its own upload forms, so documents made in
code (bulk upload, the demo, contributor scripts) had none. A ``pre_save`` receiver
fills it on every creation path, and ``LessonMedia.size_bytes`` likewise; pages then
show the size without touching the storage (a HEAD request per file on S3).
"""

import re

from django.db.models.signals import pre_save
from django.template.defaultfilters import filesizeformat
from wagtail.documents import get_document_model

from cms.models import LessonMedia


def stored_size(field_file) -> int | None:
    """The file's size: from the upload before it is saved, else from the storage."""
    if not field_file:
        return None
    try:
        return field_file.size
    except (OSError, ValueError):
        # A row whose file has gone from the storage keeps an empty size.
        return None


def _is_new_upload(field_file) -> bool:
    # A file assigned since the row was loaded replaces the one the size was of.
    return bool(field_file) and not getattr(field_file, "_committed", True)


def _fill_document_size(sender, instance, **kwargs) -> None:
    if instance.file_size is None or _is_new_upload(instance.file):
        instance.file_size = stored_size(instance.file)


def _fill_media_size(sender, instance, **kwargs) -> None:
    if instance.size_bytes is None or _is_new_upload(instance.file):
        instance.size_bytes = stored_size(instance.file)


def human_size(size: int | None) -> str:
    """A size in the active language's style ("1,2 MB" in Vietnamese), "" if unknown."""
    if size is None:
        return ""
    # Django writes 2 KB as "2,0 KB"; the ",0" says nothing to a reader.
    return re.sub(r"[.,]0(?=\s)", "", str(filesizeformat(size)))


def connect_signals() -> None:
    pre_save.connect(
        _fill_document_size, sender=get_document_model(), dispatch_uid="file_sizes"
    )
    pre_save.connect(_fill_media_size, sender=LessonMedia, dispatch_uid="file_sizes")

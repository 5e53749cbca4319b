"""Every document and audio/video file knows its size in bytes from its first save.

Wagtail fills ``Document.file_size`` only in its own upload forms, so documents made in
code (bulk upload, the demo, contributor scripts) had none. A ``pre_save`` receiver
fills it on every creation path, and ``LessonMedia.size_bytes`` likewise; pages then
show the size without touching the storage (a HEAD request per file on S3).
"""

from django.db.models.signals import post_init, pre_save
from wagtail.documents import get_document_model

from cms.models import LessonMedia
from cms.video.sizes import format_size


def stored_size(field_file) -> int | None:
    """The file's size: from the upload before it is saved, else from the storage."""
    if not field_file:
        return None
    try:
        return field_file.size
    except (OSError, ValueError):
        # A row whose file has gone from the storage keeps an empty size.
        return None


def _remember_file(sender, instance, **kwargs) -> None:
    if "file" not in instance.get_deferred_fields():
        instance._loaded_file_name = instance.file.name


def _file_replaced(instance) -> bool:
    """A file assigned since the row was loaded: the stored size is the old file's."""
    field_file = instance.file
    if not field_file:
        return False
    if not getattr(field_file, "_committed", True):
        return True
    return field_file.name != getattr(instance, "_loaded_file_name", field_file.name)


def _needs_size(instance, size, update_fields) -> bool:
    # A partial save (a worker's progress, a deferred row) leaves the file alone.
    if update_fields is not None and "file" not in update_fields:
        return False
    if "file" in instance.get_deferred_fields():
        return False
    return size is None or _file_replaced(instance)


def _fill_document_size(sender, instance, update_fields=None, **kwargs) -> None:
    if _needs_size(instance, instance.file_size, update_fields):
        instance.file_size = stored_size(instance.file)
        _remember_file(sender, instance)


def _fill_media_size(sender, instance, update_fields=None, **kwargs) -> None:
    if _needs_size(instance, instance.size_bytes, update_fields):
        instance.size_bytes = stored_size(instance.file)
        _remember_file(sender, instance)


def human_size(size: int | None) -> str:
    """A size as the player shows it ("1,3 MB", decimal units as data plans count),
    so a document and a video on the same page are read the same way."""
    return format_size(size)


def connect_signals() -> None:
    document_model = get_document_model()
    for model in (document_model, LessonMedia):
        post_init.connect(_remember_file, sender=model, dispatch_uid="file_sizes")
    pre_save.connect(
        _fill_document_size, sender=document_model, dispatch_uid="file_sizes"
    )
    pre_save.connect(_fill_media_size, sender=LessonMedia, dispatch_uid="file_sizes")

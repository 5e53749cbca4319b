"""The admin upload form for audio and video: probes the file before it is saved.

A refused upload re-displays the form with the reason under the file field and
everything else the person typed kept; nothing is stored.
"""

import contextlib
import tempfile
from pathlib import Path

from django.db import transaction
from wagtailmedia.forms import BaseMediaForm

from .probe import MediaRejected, inspect_media
from .services import request_transcode


@contextlib.contextmanager
def local_path(upload):
    """A filesystem path for an uploaded file, copying it only when in memory."""
    if hasattr(upload, "temporary_file_path"):
        yield Path(upload.temporary_file_path())
        return
    suffix = Path(upload.name or "").suffix
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        upload.seek(0)
        for chunk in upload.chunks():
            copy.write(chunk)
        copy.flush()
        upload.seek(0)
        yield Path(copy.name)


class LessonMediaForm(BaseMediaForm):
    media_info = None

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload and "file" in self.changed_data:
            try:
                with local_path(upload) as path:
                    self.media_info = inspect_media(
                        path, expected_kind=self.instance.type
                    )
            except MediaRejected as rejection:
                self.add_error("file", rejection.message)
        return cleaned

    def save(self, commit=True):
        media = super().save(commit=False)
        info = self.media_info
        if info is not None:
            media.duration = round(info.duration, 3)
            media.width, media.height = info.width, info.height
            media.size_bytes = info.size_bytes
        if commit:
            # Storing a large original takes a while: done before the write
            # transaction, so that the worker is never locked out meanwhile.
            for name in ("file", "thumbnail"):
                media._meta.get_field(name).pre_save(media, add=media._state.adding)
            with transaction.atomic():
                media.save()
                self.save_m2m()
                if info is not None:
                    request_transcode(media=media)
        return media

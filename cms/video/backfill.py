"""Sizes for media transcoded before sizes were recorded, read from the storage."""

import posixpath

from django.core.files.storage import default_storage

from cms.models import LessonMedia
from cms.models.media import TranscodeStatus


def _stored_size(name: str) -> int | None:
    try:
        return default_storage.size(name)
    except OSError:  # FileNotFoundError included: the file is gone
        return None


def _directory_bytes(directory: str) -> int | None:
    try:
        _directories, files = default_storage.listdir(directory)
    except OSError:
        return None
    sizes = [_stored_size(f"{directory}/{name}") for name in files]
    return None if not files or None in sizes else sum(sizes)


def backfill_sizes() -> int:
    """Record the download's and each rendition's bytes where missing; returns
    how many media rows changed. Files already gone are left without a size."""
    changed = 0
    ready = LessonMedia.objects.filter(transcode_status=TranscodeStatus.READY)
    for media in ready.only("pk", "download_file", "download_bytes", "renditions"):
        fields = []
        if media.download_bytes is None and media.download_file:
            media.download_bytes = _stored_size(media.download_file)
            if media.download_bytes is not None:
                fields.append("download_bytes")
        renditions = []
        for rendition in media.renditions:
            if "bytes" not in rendition:
                size = _directory_bytes(posixpath.dirname(rendition["playlist"]))
                if size is not None:
                    rendition = {**rendition, "bytes": size}
            renditions.append(rendition)
        if renditions != media.renditions:
            media.renditions = renditions
            fields.append("renditions")
        if fields:
            media.save(update_fields=fields)
            changed += 1
    return changed

"""What still refers to a stored file or directory, before it may be deleted.

A replaced or deleted file is only retired (cms.video.retirement); when its grace
period is over, it goes only if nothing refers to it any more: no media, dubbed
track or caption row, and no current play set (a master playlist names the
dubbed tracks' playlists, so a deleted track stays until its video's master was
published again without it).
"""

import posixpath
from collections.abc import Iterator

from django.core.files.storage import default_storage
from django.db.models import Q

from cms.models import AudioTrack, LessonMedia
from cms.models.media import MediaCaption

from .stored_tree import RENDITIONS_ROOT


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def media_id_of(name: str) -> int | None:
    """The video whose renditions directory holds ``name``, if it is in one."""
    head, _sep, rest = name.partition(RENDITIONS_ROOT + "/")
    first = rest.split("/", 1)[0]
    return int(first) if not head and first.isdigit() else None


def master_references(master: str) -> set[str]:
    """The stored names a master playlist points at (its URIs, resolved)."""
    try:
        with default_storage.open(master, "rb") as handle:
            text = handle.read().decode("utf-8-sig")
    except FileNotFoundError:
        return set()
    directory = posixpath.dirname(master)
    uris = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            uris.append(line)
        elif 'URI="' in line:
            uris.append(line.split('URI="', 1)[1].split('"', 1)[0])
    return {posixpath.normpath(posixpath.join(directory, uri)) for uri in uris}


def in_use(name: str) -> bool:
    """Whether a row or a current play set refers to ``name`` or to a file under it."""
    under = name.rstrip("/") + "/"

    def refers(value: str) -> bool:
        return value == name or value.startswith(under)

    if (
        AudioTrack.objects.filter(
            Q(recording=name)
            | Q(playlist__startswith=under)
            | Q(download_file__startswith=under)
        ).exists()
        or MediaCaption.objects.filter(file=name).exists()
    ):
        return True
    media_id = media_id_of(name)
    if media_id is None:
        return False
    media = LessonMedia.objects.filter(pk=media_id).first()
    if media is None:
        return False
    fields = [
        media.hls_playlist,
        media.download_file,
        media.poster_file,
        media.thumbnail_file,
        *_strings(media.posters),
        *_strings(media.renditions),
    ]
    if any(refers(value) for value in fields if value):
        return True
    if "/play/" in media.hls_playlist:
        return any(refers(ref) for ref in master_references(media.hls_playlist))
    return False

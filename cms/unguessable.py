"""Storage names nobody can guess, for files served from the public media prefix.

Subtitles and dubbed recordings are read straight from ``/media/`` (or the bucket's
public prefix) by the player, with no permission check on the way: the only thing
keeping those of an unpublished lesson from strangers is that their address cannot
be worked out (``{media id}-{language}.vtt`` or the uploader's file name could).
The HLS play set's folder is random for the same reason (cms.video.playlists).
"""

import uuid
from pathlib import PurePosixPath


def random_path(folder: str, filename: str) -> str:
    """``folder/<32 random hex>/<the file's own name>``: the name stays readable
    (and keeps its extension) inside a folder nobody can list or guess."""
    name = PurePosixPath(filename.replace("\\", "/")).name or "file"
    return f"{folder}/{uuid.uuid4().hex}/{name}"


def caption_path(instance, filename: str) -> str:
    """``upload_to`` of MediaCaption.file."""
    return random_path("media_captions", filename)


def recording_path(instance, filename: str) -> str:
    """``upload_to`` of AudioTrack.recording."""
    return random_path("media_tracks", filename)

"""Content types of the streaming formats, the same on every machine.

Python guesses them from the system's /etc/mime.types when it has one: Debian maps
.ts to a Qt translation file and some machines know no .m4s at all. Players refuse a
playlist or segment served with the wrong type, and S3 keeps the type an object was
uploaded with (django-storages guesses it from the name), so they are fixed here.
"""

import mimetypes

STREAMING_TYPES = {
    ".m3u8": "application/vnd.apple.mpegurl",
    ".ts": "video/mp2t",
    ".m4s": "video/iso.segment",
    ".vtt": "text/vtt",
    ".mp4": "video/mp4",
    ".m4a": "audio/mp4",
}


def register() -> None:
    mimetypes.init()
    for extension, content_type in STREAMING_TYPES.items():
        mimetypes.add_type(content_type, extension)

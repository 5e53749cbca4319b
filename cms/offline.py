"""What saving a lesson for offline use downloads, and how many bytes that costs.

A lesson saved on a phone keeps its page, its images and, for each video or audio,
the single file offered for download (the MP4, or the M4A of a recording): one file
plays without a connection, unlike the stream's many segments.
"""

from dataclasses import dataclass, field

from django.core.cache import cache

# A lesson page and its images as phones fetch them (a 800 px WebP is ~60-150 KB):
# an estimate shown as "about", before the real figure is measured on saving.
PAGE_BYTES = 60 * 1024
IMAGE_BYTES = 120 * 1024


@dataclass(frozen=True)
class OfflineCopy:
    """The files of one lesson to save, and the bytes they take on the phone."""

    media_urls: list[str] = field(default_factory=list)
    media_bytes: int = 0
    images: int = 0

    @property
    def bytes(self) -> int:
        return self.media_bytes + PAGE_BYTES + self.images * IMAGE_BYTES


def offline_copy(page) -> OfflineCopy:
    """The files ``page`` (a LessonPage) needs offline, from its body's blocks."""
    urls, total, images = [], 0, 0
    for block in page.body:
        if block.block_type == "image":
            images += 1
        elif block.block_type in ("video", "audio"):
            media = block.value[block.block_type]
            if media is None or not media.is_ready or not media.download_file:
                continue
            urls.append(media.download_url)
            total += download_bytes(media) or 0
    return OfflineCopy(media_urls=urls, media_bytes=total, images=images)


def download_bytes(media) -> int | None:
    """Size of a media item's download file; None when it cannot be known.

    Uses ``media.download_bytes`` when the transcoder recorded it, otherwise asks
    the storage once (a HEAD request on S3) and remembers the answer: a rendition's
    file never changes, a new attempt gets a new name.
    """
    recorded = getattr(media, "download_bytes", None)
    if recorded:
        return recorded
    name = media.download_file
    if not name:
        return None

    def size() -> int | None:
        try:
            return media.file.storage.size(name)
        except (OSError, ValueError):
            return None

    key = f"cms:download-bytes:{name}"
    found = cache.get(key)
    if found is None:
        found = size()
        if found is not None:
            cache.set(key, found, timeout=None)
    return found

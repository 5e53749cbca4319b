"""What a viewer may choose to play, each with the data it costs.

A choice is one rendition of a ready ``LessonMedia`` (240p, 360p, 720p or the
audio-only variant), played from its own media playlist so that what is shown as
its size is what is downloaded.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from .sizes import format_size

if TYPE_CHECKING:  # cms.models imports the blocks that import this module
    from cms.models import LessonMedia

STANDARD_SHORT_SIDE = 360  # the MP4 download's size (ladder.DOWNLOAD_NAME)


@dataclass(frozen=True)
class MediaChoice:
    name: str  # "240p", "360p", "720p" or "audio"
    label: str
    url: str
    num_bytes: int | None
    short_side: int  # 0 for sound only

    @property
    def audio_only(self) -> bool:
        return not self.short_side

    @property
    def size(self) -> str:
        return format_size(self.num_bytes)


def media_choices(media: "LessonMedia") -> list[MediaChoice]:
    """The renditions of ``media``, pictures from the smallest, then sound only."""
    choices = [
        MediaChoice(
            name=rendition["name"],
            label=rendition["name"]
            if rendition.get("short_side")
            else _("Listen only"),
            url=media.file.storage.url(rendition["playlist"]),
            num_bytes=rendition.get("bytes"),
            short_side=rendition.get("short_side") or 0,
        )
        for rendition in media.renditions
    ]
    return sorted(choices, key=lambda c: (c.audio_only, c.short_side))


def default_choice(
    choices: list[MediaChoice], *, save_data: bool
) -> MediaChoice | None:
    """The smallest picture for a data saver; otherwise the largest up to the
    download's 360p, which a 3G connection keeps up with."""
    pictures = [choice for choice in choices if not choice.audio_only] or choices
    if not pictures:
        return None
    if save_data:
        return pictures[0]
    fitting = [c for c in pictures if c.short_side <= STANDARD_SHORT_SIDE]
    return fitting[-1] if fitting else pictures[0]

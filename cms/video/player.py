"""What the audio and video block templates need to draw a player for a request."""

from typing import TYPE_CHECKING

from cms.save_data import wants_save_data

from .choices import default_choice, media_choices
from .languages import language_choices
from .sizes import format_size

if TYPE_CHECKING:  # cms.models imports the blocks that import this module
    from cms.models import LessonMedia

# A phone's poster is a still behind the play button: 640 px is sharp enough even
# on a 2x screen, so narrow screens are never offered the 1280 px one.
PHONE_POSTER_MAX_WIDTH = 640


def poster_srcset(media: "LessonMedia", *, max_width: int | None = None) -> str:
    """``url 320w, url 640w, ...`` of the posters no wider than ``max_width``."""
    widths = sorted(int(width) for width in media.posters)
    return ", ".join(
        f"{media.file.storage.url(media.posters[str(width)])} {width}w"
        for width in widths
        if max_width is None or width <= max_width
    )


def _next_player_index(request) -> int:
    """1 for the first player of the page, 2 for the next...: the first poster is
    probably in view and loads at once, later ones only when scrolled near."""
    if request is None:
        return 1
    request.cms_players = getattr(request, "cms_players", 0) + 1
    return request.cms_players


def player_context(*, media: "LessonMedia | None", request) -> dict:
    if media is None or not media.is_ready:
        return {}
    save_data = wants_save_data(request)
    choices = media_choices(media)
    index = _next_player_index(request)
    wide_max = PHONE_POSTER_MAX_WIDTH if save_data else None
    return {
        "choices": choices,
        "selected": default_choice(choices, save_data=save_data),
        "standard": default_choice(choices, save_data=False),
        "save_data": save_data,
        "player_index": index,
        "poster_loading": "eager" if index == 1 else "lazy",
        "phone_posters": poster_srcset(media, max_width=PHONE_POSTER_MAX_WIDTH),
        "wide_posters": poster_srcset(media, max_width=wide_max),
        "download_size": format_size(media.download_bytes),
        "languages": language_choices(media, request=request),
    }

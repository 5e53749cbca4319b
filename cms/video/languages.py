"""What a viewer may choose to hear and read: sound languages and subtitles.

The original recording's language comes first, then each dubbed track that is
ready. Each language carries what every kind of player needs: hls.js switches the
audio rendition of the master playlist, native HLS plays a per-language playlist
of the chosen picture size, and the MP4 file fallback plays that language's
download. The default is the page's language on a translated page (/hmn/…), else
the visitor's preferred language where there is one.
"""

import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cms.content_languages import (
    DEFAULT_CODE,
    autonym,
    content_language,
    preferred_language,
)

from .sizes import format_size

if TYPE_CHECKING:  # cms.models imports the blocks that import this module
    from cms.models import LessonMedia


def listening_language(request) -> str:
    """Someone reading the Hmông version of a lesson hears Hmông where there is a
    track, whatever they chose before; on a Vietnamese page, their own choice."""
    on_page = content_language(getattr(request, "LANGUAGE_CODE", ""))
    if on_page is not None and on_page.code != DEFAULT_CODE:
        return on_page.code
    return preferred_language(request)


def native_name(language: str, rendition: str) -> str:
    """The play set's playlist of one picture size in one dubbed language."""
    return f"{language}-{rendition}.m3u8"


@dataclass(frozen=True)
class AudioLanguage:
    code: str
    name: str  # the autonym
    download_url: str
    download_size: str
    audio_url: str  # the sound-only playlist in this language
    native: dict[str, str] = field(default_factory=dict)  # rendition name -> URL


@dataclass(frozen=True)
class SubtitleChoice:
    code: str
    name: str
    url: str


@dataclass(frozen=True)
class LanguageChoices:
    audio: list[AudioLanguage]
    subtitles: list[SubtitleChoice]
    audio_default: str
    subtitle_default: str  # "" for none

    @property
    def several_audio(self) -> bool:
        return len(self.audio) > 1


def language_choices(media: "LessonMedia", *, request) -> LanguageChoices:
    """The sound languages and subtitles of a ready ``media`` (two queries)."""
    url = media.file.storage.url
    own_audio = next(
        (r["playlist"] for r in media.renditions if not r.get("short_side")), ""
    )
    audio = [
        AudioLanguage(
            code=media.audio_language,
            name=autonym(media.audio_language),
            download_url=media.download_url,
            download_size=format_size(media.download_bytes),
            audio_url=url(own_audio) if own_audio else "",
        )
    ]
    play_dir = (
        posixpath.dirname(media.hls_playlist) if "/play/" in media.hls_playlist else ""
    )
    pictures = [r["name"] for r in media.renditions if r.get("short_side")]
    if play_dir:
        audio += [
            AudioLanguage(
                code=track.language,
                name=autonym(track.language),
                download_url=url(track.download_file),
                download_size=format_size(track.download_bytes),
                audio_url=url(track.playlist),
                native={
                    name: url(f"{play_dir}/{native_name(track.language, name)}")
                    for name in pictures
                },
            )
            for track in sorted(media.audio_tracks.all(), key=lambda t: t.language)
            if track.is_ready and track.language != media.audio_language
        ]
    captions = sorted(media.captions.all(), key=lambda c: c.language)
    subtitles = [
        SubtitleChoice(c.language, autonym(c.language), c.file.url) for c in captions
    ]
    wanted = listening_language(request) if request is not None else ""
    spoken = {a.code for a in audio}
    audio_default = wanted if wanted in spoken else audio[0].code
    written = {s.code for s in subtitles}
    if wanted in written and wanted not in spoken:
        subtitle_default = wanted  # cannot hear it in their language: read it
    else:
        subtitle_default = next((c.language for c in captions if c.on_by_default), "")
    return LanguageChoices(audio, subtitles, audio_default, subtitle_default)

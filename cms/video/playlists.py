"""The master playlist with every audio language and subtitle, and its publication.

ffmpeg writes ``master.m3u8`` for the picture ladder with the recording's own sound.
When a dubbed track or a subtitle is added, the ladder is not encoded again: a new
*play set* is written beside it, ``<set>/play/<token>/``, holding

- ``master.m3u8``: the ladder's variants with ``AUDIO="audio"`` and
  ``SUBTITLES="subs"`` groups (``EXT-X-MEDIA`` with ``LANGUAGE`` and ``NAME`` = the
  language's own name), for hls.js and ffprobe;
- ``<lang>-<rendition>.m3u8``: one picture rendition with one dubbed language, for
  native HLS players, which cannot be told which rendition or language to play;
- ``subs-<lang>.m3u8`` and ``subs-<lang>.vtt``: each subtitle as a one-segment
  WebVTT playlist.

Only once every file is stored does ``hls_playlist`` point at the new master (a
conditional update); the previous play set is retired after its grace period, so
a player that loaded it keeps working.
"""

import posixpath
import uuid
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from cms.content_languages import autonym
from cms.models import AudioTrack, LessonMedia
from cms.models.media import MediaCaption

from .languages import native_name
from .retirement import retire
from .stored_tree import delete_tree

AUDIO_GROUP = "audio"
SUBTITLE_GROUP = "subs"
# ffmpeg's MPEG-TS muxer starts timestamps at 1.4 s (90 kHz clock): WebVTT cue times
# count from the start of the video, so players need this map to line them up.
MPEGTS_START = 126000
PUBLISH_TRIES = 3


@dataclass(frozen=True)
class Variant:
    name: str  # the rendition's name: "240p", ...
    stream_inf: str  # its #EXT-X-STREAM-INF line as ffmpeg wrote it
    playlist: str  # stored path of its media playlist


@dataclass(frozen=True)
class AudioRendition:
    language: str
    playlist: str  # stored path of an audio-only media playlist


@dataclass(frozen=True)
class Subtitle:
    language: str
    text: str  # WebVTT
    default: bool


def set_prefix(media: LessonMedia) -> str:
    """The stored directory of the media's current ladder (``.../<id>/<attempt>``)."""
    if not media.renditions:  # media made before renditions were recorded
        return posixpath.dirname(media.hls_playlist)
    return posixpath.dirname(posixpath.dirname(media.renditions[0]["playlist"]))


def ladder_variants(master_text: str, renditions: list[dict]) -> list[Variant]:
    """The picture variants of ffmpeg's master, skipping its sound-only one."""
    by_dir = {
        posixpath.dirname(r["playlist"]).rsplit("/", 1)[-1]: r for r in renditions
    }
    variants = []
    lines = [line.strip() for line in master_text.splitlines() if line.strip()]
    for info, uri in zip(lines, lines[1:], strict=False):
        if not info.startswith("#EXT-X-STREAM-INF:") or "RESOLUTION=" not in info:
            continue
        rendition = by_dir.get(posixpath.dirname(uri))
        if rendition:
            variants.append(Variant(rendition["name"], info, rendition["playlist"]))
    return variants


def _quoted(value: str) -> str:
    return '"' + value.replace('"', "'").replace("\n", " ") + '"'


def _media_line(kind, group, language, uri, *, default: bool) -> str:
    fields = [
        f"TYPE={kind}",
        f"GROUP-ID={_quoted(group)}",
        f"LANGUAGE={_quoted(language)}",
        f"NAME={_quoted(autonym(language))}",
        f"DEFAULT={'YES' if default else 'NO'}",
        "AUTOSELECT=YES",
    ]
    if kind == "SUBTITLES":
        fields.append("FORCED=NO")
    fields.append(f"URI={_quoted(uri)}")
    return "#EXT-X-MEDIA:" + ",".join(fields)


def _with_groups(stream_inf: str, *, audio: bool, subtitles: bool) -> str:
    if audio:
        stream_inf += f',AUDIO="{AUDIO_GROUP}"'
    if subtitles:
        stream_inf += f',SUBTITLES="{SUBTITLE_GROUP}"'
    return stream_inf


def master_text(
    *,
    directory: str,
    variants: list[Variant],
    audio: list[AudioRendition],
    subtitles: list[Subtitle],
) -> str:
    """The master playlist stored in ``directory``; the first audio is the default."""
    lines = ["#EXTM3U", "#EXT-X-VERSION:6", "#EXT-X-INDEPENDENT-SEGMENTS"]
    lines += [
        _media_line(
            "AUDIO",
            AUDIO_GROUP,
            a.language,
            posixpath.relpath(a.playlist, directory),
            default=i == 0,
        )
        for i, a in enumerate(audio)
    ]
    lines += [
        _media_line(
            "SUBTITLES",
            SUBTITLE_GROUP,
            s.language,
            f"subs-{s.language}.m3u8",
            default=s.default,
        )
        for s in subtitles
    ]
    for variant in variants:
        lines.append(
            _with_groups(
                variant.stream_inf, audio=bool(audio), subtitles=bool(subtitles)
            )
        )
        lines.append(posixpath.relpath(variant.playlist, directory))
    return "\n".join(lines) + "\n"


def single_text(*, directory: str, variant: Variant, audio: AudioRendition) -> str:
    """One picture rendition with one language, for a native player's choice."""
    return "\n".join(
        [
            "#EXTM3U",
            "#EXT-X-VERSION:6",
            "#EXT-X-INDEPENDENT-SEGMENTS",
            _media_line(
                "AUDIO",
                AUDIO_GROUP,
                audio.language,
                posixpath.relpath(audio.playlist, directory),
                default=True,
            ),
            _with_groups(variant.stream_inf, audio=True, subtitles=False),
            posixpath.relpath(variant.playlist, directory),
            "",
        ]
    )


def subtitle_files(subtitle: Subtitle, *, duration: float) -> dict[str, str]:
    """The one-segment playlist of a subtitle and its WebVTT with a timestamp map."""
    lines = subtitle.text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    header_end = lines.index("") if "" in lines else len(lines)
    if not any(line.startswith("X-TIMESTAMP-MAP") for line in lines[:header_end]):
        lines.insert(1, f"X-TIMESTAMP-MAP=MPEGTS:{MPEGTS_START},LOCAL:00:00:00.000")
    name = f"subs-{subtitle.language}"
    seconds = max(duration, 1.0)
    playlist = "\n".join(
        [
            "#EXTM3U",
            "#EXT-X-VERSION:6",
            f"#EXT-X-TARGETDURATION:{int(seconds + 0.999)}",
            "#EXT-X-MEDIA-SEQUENCE:0",
            "#EXT-X-PLAYLIST-TYPE:VOD",
            f"#EXTINF:{seconds:.3f},",
            f"{name}.vtt",
            "#EXT-X-ENDLIST",
            "",
        ]
    )
    return {f"{name}.m3u8": playlist, f"{name}.vtt": "\n".join(lines)}


def _read(name: str) -> str:
    with default_storage.open(name, "rb") as handle:
        return handle.read().decode("utf-8-sig")


def _audio_renditions(media: LessonMedia, tracks) -> list[AudioRendition]:
    own = [r["playlist"] for r in media.renditions if not r.get("short_side")]
    audio = [AudioRendition(media.audio_language, own[0])] if own else []
    audio += [
        AudioRendition(t.language, t.playlist)
        for t in tracks
        if t.language != media.audio_language
    ]
    return audio if len(audio) > 1 else []


def play_set_files(media: LessonMedia, *, directory: str) -> dict[str, str]:
    """Every file of a play set for ``media`` as it is now: {name: text}."""
    base = posixpath.join(set_prefix(media), "master.m3u8")
    variants = ladder_variants(_read(base), media.renditions)
    tracks = [
        t
        for t in AudioTrack.objects.filter(media=media).order_by("language")
        if t.is_ready
    ]
    audio = _audio_renditions(media, tracks)
    subtitles = []
    for caption in MediaCaption.objects.filter(media=media).order_by("language"):
        with caption.file.open("rb") as handle:
            text = handle.read().decode("utf-8-sig")
        subtitles.append(Subtitle(caption.language, text, caption.on_by_default))
    files = {
        "master.m3u8": master_text(
            directory=directory, variants=variants, audio=audio, subtitles=subtitles
        )
    }
    for subtitle in subtitles:
        files.update(subtitle_files(subtitle, duration=float(media.duration or 0)))
    for track in audio[1:]:
        for variant in variants:
            files[native_name(track.language, variant.name)] = single_text(
                directory=directory, variant=variant, audio=track
            )
    return files


def publish_play_set(*, media_id: int) -> str | None:
    """Write a new play set for the media and point it there; None if not ready.

    Returns the stored path of the new master. A publication that lost a race
    with another one deletes its files and tries again with fresh data.
    """
    for _try in range(PUBLISH_TRIES):
        media = LessonMedia.objects.get(pk=media_id)
        if not media.is_ready or not media.renditions:
            return None
        directory = f"{set_prefix(media)}/play/{uuid.uuid4().hex[:12]}"
        for name, text in play_set_files(media, directory=directory).items():
            default_storage.save(
                f"{directory}/{name}", ContentFile(text.encode("utf-8"))
            )
        master = f"{directory}/master.m3u8"
        previous = media.hls_playlist
        if LessonMedia.objects.filter(pk=media_id, hls_playlist=previous).update(
            hls_playlist=master
        ):
            if "/play/" in previous:
                retire(prefix=posixpath.dirname(previous))
            return master
        delete_tree(directory)
    return None

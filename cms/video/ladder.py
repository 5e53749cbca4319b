"""The rendition ladder for weak connections: which sizes and bit rates to make.

Sizes are the picture's short side, so a phone's upright video gets the same
treatment as a landscape one. No rendition is larger than its source.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Rendition:
    name: str
    short_side: int  # 0 for the audio-only variant
    video_kbps: int
    audio_kbps: int

    @property
    def is_audio_only(self) -> bool:
        return self.short_side == 0

    @property
    def maxrate_kbps(self) -> int:
        return round(self.video_kbps * 1.1)

    @property
    def bufsize_kbps(self) -> int:
        return self.video_kbps * 2

    @property
    def bandwidth(self) -> int:
        """Bits per second a player should budget, for the master playlist."""
        return (self.maxrate_kbps + self.audio_kbps) * 1000


VIDEO_LADDER = (
    Rendition("240p", 240, 300, 64),
    Rendition("360p", 360, 600, 64),
    Rendition("720p", 720, 1500, 96),
)
AUDIO_ONLY = Rendition("audio", 0, 0, 64)
DOWNLOAD_NAME = "360p"


def choose_ladder(*, short_side: int | None, has_audio: bool) -> list[Rendition]:
    """Renditions for a source: every step no larger than it, lowest first.

    A source smaller than the lowest step still gets that one step at its own size
    (the transcoder never scales up). The audio-only variant comes last when the
    source has sound; an audio upload gets only that.
    """
    ladder: list[Rendition] = []
    if short_side:
        ladder = [r for r in VIDEO_LADDER if r.short_side <= short_side]
        if not ladder:
            lowest = VIDEO_LADDER[0]
            ladder = [Rendition(lowest.name, short_side, lowest.video_kbps, 64)]
    if has_audio:
        ladder.append(AUDIO_ONLY)
    return ladder


def download_rendition(ladder: list[Rendition]) -> Rendition:
    """The rendition offered for download: 360p, else the largest below it."""
    video = [r for r in ladder if not r.is_audio_only]
    if not video:
        return ladder[-1]
    fitting = [r for r in video if r.short_side <= 360]
    return (fitting or video)[-1]

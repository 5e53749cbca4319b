"""Sizes as residents read them, and which rendition a player starts with."""

import pytest
from django.utils import translation

from cms.models import LessonMedia
from cms.video.choices import default_choice, media_choices
from cms.video.sizes import format_size

pytestmark = pytest.mark.django_db  # a new media row defaults to the root collection


@pytest.mark.parametrize(
    ("num_bytes", "shown"),
    [
        (2_100_000, "2,1 MB"),
        (9_960_000, "10 MB"),
        (612_345, "0,6 MB"),
        (100_000, "0,1 MB"),
        (48_700, "49 KB"),
        (12, "1 KB"),
        (1_250_000_000, "1,2 GB"),
        (None, ""),
    ],
)
def test_sizes_in_vietnamese_number_format(num_bytes, shown):
    with translation.override("vi"):
        assert format_size(num_bytes) == shown


def ladder_media(*names_and_sides) -> LessonMedia:
    return LessonMedia(
        title="Gieo mạ",
        renditions=[
            {
                "name": name,
                "short_side": side,
                "playlist": f"media/renditions/1/1/{name}/index.m3u8",
                "bytes": (side or 60) * 10_000,
            }
            for name, side in names_and_sides
        ],
    )


def test_choices_are_pictures_from_smallest_then_sound_only_with_sizes():
    media = ladder_media(("audio", 0), ("720p", 720), ("240p", 240), ("360p", 360))
    with translation.override("vi"):
        choices = media_choices(media)
        assert [(c.label, c.size) for c in choices] == [
            ("240p", "2,4 MB"),
            ("360p", "3,6 MB"),
            ("720p", "7,2 MB"),
            ("Chỉ nghe", "0,6 MB"),
        ]
    assert choices[0].url == "/media/media/renditions/1/1/240p/index.m3u8"
    assert [c.audio_only for c in choices] == [False, False, False, True]


def test_data_saver_starts_on_the_smallest_picture_others_on_360p():
    choices = media_choices(
        ladder_media(("240p", 240), ("360p", 360), ("720p", 720), ("audio", 0))
    )
    assert default_choice(choices, save_data=True).name == "240p"
    assert default_choice(choices, save_data=False).name == "360p"


def test_small_sources_and_sound_only_media_still_get_a_choice():
    tiny = media_choices(ladder_media(("240p", 180), ("audio", 0)))
    assert default_choice(tiny, save_data=False).name == "240p"
    sound = media_choices(ladder_media(("audio", 0)))
    assert default_choice(sound, save_data=True).name == "audio"
    assert default_choice([], save_data=True) is None

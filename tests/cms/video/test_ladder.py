from cms.video.ladder import AUDIO_ONLY, choose_ladder, download_rendition


def names(ladder):
    return [r.name for r in ladder]


def test_720p_source_gets_the_whole_ladder_and_audio_only():
    ladder = choose_ladder(short_side=720, has_audio=True)
    assert names(ladder) == ["240p", "360p", "720p", "audio"]
    assert ladder[-1] is AUDIO_ONLY and ladder[-1].is_audio_only


def test_no_rendition_above_the_source():
    """A 360p source (or 480p, or an upright phone video 360 wide) gets no 720p."""
    assert names(choose_ladder(short_side=360, has_audio=True)) == [
        "240p",
        "360p",
        "audio",
    ]
    assert names(choose_ladder(short_side=480, has_audio=False)) == ["240p", "360p"]


def test_tiny_source_keeps_its_own_size():
    (only,) = choose_ladder(short_side=144, has_audio=False)
    assert only.short_side == 144
    assert only.video_kbps <= 300


def test_audio_upload_gets_only_the_aac_variant():
    ladder = choose_ladder(short_side=None, has_audio=True)
    assert ladder == [AUDIO_ONLY]
    assert 48 <= AUDIO_ONLY.audio_kbps <= 64


def test_bit_rates_fit_weak_connections():
    by_name = {r.name: r for r in choose_ladder(short_side=1080, has_audio=True)}
    assert by_name["240p"].video_kbps <= 300
    assert by_name["360p"].video_kbps <= 600
    assert by_name["720p"].video_kbps <= 1500


def test_download_is_360p_or_the_largest_below_it():
    assert download_rendition(choose_ladder(short_side=720, has_audio=True)).name == (
        "360p"
    )
    assert download_rendition(choose_ladder(short_side=240, has_audio=True)).name == (
        "240p"
    )
    assert download_rendition(
        choose_ladder(short_side=None, has_audio=True)
    ).is_audio_only

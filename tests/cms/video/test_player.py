"""The lesson page's player as rendered: choices with sizes, posters, Save-Data."""

import pytest

from cms.blocks import AudioBlock, VideoBlock
from cms.models import CourseIndexPage, CoursePage, LessonPage
from cms.models.media import TranscodeStatus


def render(block, media, **extra):
    key = "video" if isinstance(block, VideoBlock) else "audio"
    value = block.to_python({key: media.pk, "caption": "Xem kỹ nhé"})
    return block.render(value, context={"page": None, **extra})


def test_pending_video_says_so_and_offers_the_playable_original(make_media, clips):
    html = render(VideoBlock(), make_media(clips["360p"]))
    assert "đang được xử lý" in html
    assert 'src="/media/media/source-360p' in html
    assert "player.js" not in html and "data-lesson-player" not in html


R = "/media/media/renditions/1/1"  # the URLs of ready()'s names


def ready(media, *, posters=True):
    """Mark ``media`` transcoded, with the names and sizes the pipeline records."""
    prefix = "media/renditions/1/1"
    media.transcode_status = TranscodeStatus.READY
    media.hls_playlist = f"{prefix}/master.m3u8"
    media.download_file = f"{prefix}/download.mp4"
    media.download_bytes = 4_830_000
    media.poster_file = f"{prefix}/poster-640.jpg" if posters else ""
    media.posters = (
        {w: f"{prefix}/poster-{w}.jpg" for w in ("320", "640", "1280")}
        if posters
        else {}
    )
    media.width, media.height = 1280, 720
    media.renditions = [
        {"name": name, "short_side": side, "playlist": f"{prefix}/{name}/index.m3u8",
         "bytes": size}
        for name, side, size in [
            ("240p", 240, 2_140_000), ("360p", 360, 4_010_000),
            ("720p", 720, 9_960_000), ("audio", 0, 612_000),
        ]
    ]  # fmt: skip
    media.save()
    return media


def test_ready_video_shows_each_choice_and_the_download_with_its_size(
    make_media, clips
):
    html = render(VideoBlock(), ready(make_media(clips["360p"])))
    for label in (
        "240p · 2,1 MB",
        "360p · 4 MB",
        "720p · 10 MB",
        "Chỉ nghe · 0,6 MB",
    ):
        assert label in html
    assert "Tải video về máy (MP4) · 4,8 MB" in html
    assert 'data-url="/media/media/renditions/1/1/240p/index.m3u8"' in html
    assert f'value="360p" data-url="{R}/360p/index.m3u8" data-standard checked' in html
    # Without JavaScript the MP4 plays; nothing is fetched before play.
    assert (
        '<source src="/media/media/renditions/1/1/download.mp4" type="video/mp4">'
        in html
    )
    assert 'preload="none"' in html
    assert "cms/js/player.js" in html
    assert "hls.js-1.6.15/hls.light.min.js" in html
    assert '<script src="/static/cms/vendor' not in html
    assert "Xem kỹ nhé" in html


def test_posters_by_width_phones_never_get_the_widest(make_media, clips):
    html = render(VideoBlock(), ready(make_media(clips["360p"])))
    phone = (
        'srcset="/media/media/renditions/1/1/poster-320.jpg 320w, '
        '/media/media/renditions/1/1/poster-640.jpg 640w" sizes="calc(100vw - 36px)"'
    )
    assert phone in html
    assert "poster-1280.jpg 1280w" in html  # wide screens only, in <source media>
    assert 'src="/media/media/renditions/1/1/poster-640.jpg"' in html
    assert 'loading="eager"' in html and " poster=" not in html


def test_older_media_without_sizes_or_posters_still_play(make_media, clips):
    media = ready(make_media(clips["360p"]), posters=False)
    media.poster_file = "media/renditions/1/1/poster.jpg"
    media.download_bytes = None
    media.renditions = [
        {k: v for k, v in r.items() if k != "bytes"} for r in media.renditions
    ]
    media.save()
    html = render(VideoBlock(), media)
    assert (
        '<img class="lesson-media__poster" src="/media/media/renditions/1/1/poster.jpg"'
        in html
    )
    assert ">240p</span>" in html and "Tải video về máy (MP4)</a>" in html
    assert "srcset" not in html


def test_audio_block_plays_the_aac_file(make_media, clips):
    media = make_media(clips["audio"], kind="audio")
    assert "đang được xử lý" in render(AudioBlock(), media)
    media.transcode_status = TranscodeStatus.READY
    media.hls_playlist = "media/renditions/9/1/master.m3u8"
    media.download_file = "media/renditions/9/1/download.m4a"
    media.save()
    media.download_bytes = 612_000
    media.save()
    html = render(AudioBlock(), media)
    assert 'src="/media/media/renditions/9/1/download.m4a"' in html
    assert "<audio data-player-media" in html
    assert "Nghe bài này tốn khoảng 0,6 MB dữ liệu." in html
    assert "· 0,6 MB</a>" in html


@pytest.fixture
def video_lesson(home_page, make_media, clips):
    courses = home_page.add_child(instance=CourseIndexPage(title="Khoá học"))
    course = courses.add_child(instance=CoursePage(title="Trồng lúa", summary="Lúa"))
    media = ready(make_media(clips["360p"]))
    return course.add_child(
        instance=LessonPage(title="Gieo mạ", body=[("video", {"video": media})])
    )


def test_save_data_starts_on_the_smallest_and_the_answer_varies_on_it(
    client, video_lesson
):
    plain = client.get(video_lesson.url)
    saving = client.get(video_lesson.url, headers={"Save-Data": "on"})
    for response in (plain, saving):
        assert "Save-Data" in response.headers["Vary"]
    plain_html, saving_html = plain.content.decode(), saving.content.decode()

    assert (
        f'value="360p" data-url="{R}/360p/index.m3u8" data-standard checked'
        in plain_html
    )
    assert (
        'data-save-data=""' in plain_html
        and "data-data-saver checked" not in plain_html
    )

    assert (
        'value="240p" data-url="/media/media/renditions/1/1/240p/index.m3u8" checked'
        in saving_html
    )
    assert (
        'data-save-data="on"' in saving_html
        and "data-data-saver checked" in saving_html
    )
    assert 'preload="none"' in saving_html
    assert "poster-1280.jpg" in plain_html and "poster-1280.jpg" not in saving_html


def test_pages_without_a_player_do_not_vary_on_save_data(client, home_page):
    assert "Save-Data" not in client.get(home_page.url).headers.get("Vary", "")

"""Audio languages and subtitles in Debian's Chromium: hls.js, native HLS, MP4."""

import subprocess

import pytest
from django.core.files import File

from cms.models import AudioTrack
from cms.models.media import TranscodeStatus
from cms.video.audio_tracks import request_track
from cms.video.subtitles import add_subtitles

from . import test_player_browser as player_browser
from .test_player_browser import NO_NATIVE_HLS, VIDEO, phone, play, requested, wait_time

pytestmark = [pytest.mark.browser, pytest.mark.ffmpeg]
# The player tests' fixtures: a transcoded 10 s lesson and Debian's Chromium.
chromium = player_browser.chromium
lesson_with_video = player_browser.lesson_with_video
ten_seconds = player_browser.ten_seconds
fresh_media_root = player_browser.fresh_media_root  # the live server keeps its root

ROOT = "document.querySelector('[data-lesson-player]')"
VI_VTT = "WEBVTT\n\n00:00.000 --> 00:09.000\nCấy mạ non, cấy thưa.\n".encode()
HMN_VTT = b"WEBVTT\n\n00:00.000 --> 00:09.000\nCog yub hluas.\n"


@pytest.fixture
def dubbed_lesson(lesson_with_video, tmp_path):
    lesson, media = lesson_with_video
    recording = tmp_path / "hmong.m4a"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i",
         "sine=frequency=300:sample_rate=48000", "-t", "9", "-c:a", "aac",
         str(recording)],
        check=True,
    )  # fmt: skip
    with recording.open("rb") as handle:
        track = AudioTrack.objects.create(
            media=media, language="hmn", recording=File(handle, name=recording.name)
        )
    request_track(track=track)  # autocommit: the immediate backend runs it now
    add_subtitles(media=media, language="vi", data=VI_VTT)
    add_subtitles(media=media, language="hmn", data=HMN_VTT)
    track.refresh_from_db()
    assert track.status == TranscodeStatus.READY, track.error
    return lesson, media, track


def choose(page, fieldset: str, name: str):
    page.locator(f"[{fieldset}]").get_by_label(name, exact=True).check()


def test_hls_js_switches_the_audio_language_keeping_the_position(
    live_server, dubbed_lesson, chromium
):
    lesson, _media, _track = dubbed_lesson
    page = phone(chromium)
    page.add_init_script(NO_NATIVE_HLS)
    urls = requested(page)
    page.goto(live_server.url + lesson.url)
    page.wait_for_selector("[data-player-ready]", state="attached")
    languages = page.locator("[data-audio-choices]")
    assert languages.is_visible()
    assert "Tiếng Việt" in languages.inner_text()
    assert "Lus Hmoob" in languages.inner_text()
    downloads = page.locator("[data-download-language]")
    assert downloads.count() == 2

    play(page)
    page.wait_for_selector("[data-engine='hls.js']", state="attached")
    wait_time(page, 2)
    assert any(url.endswith("hls.min.js") for url in urls)
    tracks = page.evaluate(f"{ROOT}.player.hls.audioTracks.map(t => t.lang)")
    assert tracks == ["vi", "hmn"]
    assert page.evaluate(f"{VIDEO}.videoHeight") == 360

    watched = page.evaluate(f"{VIDEO}.currentTime")
    choose(page, "data-audio-choices", "Lus Hmoob")
    page.wait_for_function(
        f"() => {{ const h = {ROOT}.player.hls;"
        " return h.audioTracks[h.audioTrack].lang === 'hmn'; }",
        timeout=20000,
    )
    page.wait_for_function(
        "() => performance.getEntriesByType('resource')"
        ".some(e => e.name.includes('/tracks/') && e.name.endsWith('.ts'))",
        timeout=20000,
    )
    assert page.evaluate(f"{VIDEO}.currentTime") >= watched - 0.5
    wait_time(page, watched + 1)  # still playing, from where it was

    choose(page, "data-subtitle-choices", "Tiếng Việt")
    showing = page.evaluate(
        f"Array.from({VIDEO}.textTracks).filter(t => t.mode === 'showing')"
        ".map(t => t.language)"
    )
    assert showing == ["vi"]


def test_the_mp4_fallback_switches_language_keeping_the_position(
    live_server, dubbed_lesson, chromium
):
    lesson, _media, track = dubbed_lesson
    page = phone(chromium)
    page.add_init_script(NO_NATIVE_HLS)
    # A browser with neither native HLS nor Media Source Extensions for hls.js.
    page.add_init_script("window.Hls = { isSupported: () => false };")
    page.goto(live_server.url + lesson.url)
    page.wait_for_selector("[data-player-ready]", state="attached")
    play(page)
    page.wait_for_selector("[data-engine='file']", state="attached")
    page.evaluate(f"{VIDEO}.muted = true; {VIDEO}.play()")
    wait_time(page, 2)
    watched = page.evaluate(f"{VIDEO}.currentTime")
    choose(page, "data-audio-choices", "Lus Hmoob")
    download = "/".join(track.download_file.split("/")[-3:])
    page.wait_for_function(
        f"() => {VIDEO}.currentSrc.endsWith({download!r})", timeout=20000
    )
    wait_time(page, watched + 0.5)
    assert page.evaluate(f"{VIDEO}.currentTime") >= watched - 0.5


def test_native_hls_plays_the_preferred_language_and_switches_back(
    live_server, dubbed_lesson, chromium
):
    """The visitor's preference (cookie) picks the Hmông sound and subtitles."""
    lesson, _media, _track = dubbed_lesson
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    context.add_cookies([{"name": "ngon_ngu", "value": "hmn", "url": live_server.url}])
    page = context.new_page()
    page.goto(live_server.url + lesson.url)
    page.wait_for_selector("[data-player-ready]", state="attached")
    assert page.locator("[data-audio-choices] input[value=hmn]").is_checked()
    play(page)
    page.wait_for_selector("[data-engine='native']", state="attached")
    wait_time(page, 2)
    assert page.evaluate(f"{VIDEO}.currentSrc").endswith("hmn-360p.m3u8")
    watched = page.evaluate(f"{VIDEO}.currentTime")
    choose(page, "data-audio-choices", "Tiếng Việt")
    page.wait_for_function(
        f"() => {VIDEO}.currentSrc.endsWith('360p/index.m3u8')", timeout=20000
    )
    wait_time(page, watched + 0.5)
    assert page.evaluate(f"{VIDEO}.currentTime") >= watched - 0.5

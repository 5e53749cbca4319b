"""The ffmpeg command line: segments, variants, presets, upright and fast sources."""

from pathlib import Path

from cms.video.ladder import choose_ladder
from cms.video.probe import MediaInfo
from cms.video.transcode import ladder_command


def command_for(info: MediaInfo, **kwargs) -> list[str]:
    ladder = choose_ladder(short_side=info.short_side, has_audio=info.has_audio)
    return ladder_command(
        Path("in.mp4"), Path("out"), info=info, ladder=ladder, **kwargs
    )


def option(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


LANDSCAPE = MediaInfo("video", 60, 1, 1280, 720, True, 25)


def test_segments_and_master_playlist():
    command = command_for(LANDSCAPE, preset="superfast")
    assert option(command, "-hls_time") == "4"
    assert option(command, "-hls_playlist_type") == "vod"
    assert option(command, "-master_pl_name") == "master.m3u8"
    assert option(command, "-var_stream_map") == (
        "v:0,a:0,name:240p v:1,a:1,name:360p v:2,a:2,name:720p a:3,name:audio"
    )
    assert "gte(t,n_forced*2)" in option(command, "-force_key_frames")


def test_720p_can_use_a_faster_preset():
    command = command_for(LANDSCAPE, preset="superfast", presets={"720p": "ultrafast"})
    assert [option(command, f"-preset:v:{i}") for i in range(3)] == [
        "superfast",
        "superfast",
        "ultrafast",
    ]


def test_upright_phone_video_scales_its_short_side():
    upright = MediaInfo("video", 10, 1, 720, 1280, True, 30)
    graph = option(command_for(upright, preset="superfast"), "-filter_complex")
    assert "scale=240:-2" in graph and "scale=720:-2" in graph


def test_sixty_frames_a_second_is_halved_and_silence_has_no_audio_variant():
    fast = MediaInfo("video", 10, 1, 640, 360, False, 59.94)
    command = command_for(fast, preset="superfast")
    assert "fps=30," in option(command, "-filter_complex")
    assert option(command, "-var_stream_map") == "v:0,name:240p v:1,name:360p"
    assert "-c:a" not in command

"""Replaced and deleted dubbed tracks and subtitles leave storage (real ffmpeg,
local storage and the moto S3 server): only once nothing refers to them, never
while the current play set uses them, and a failed new track keeps the old one."""

import subprocess
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from cms.models import AudioTrack, RetiredRenditions
from cms.models.media import MediaCaption, TranscodeStatus
from cms.video.audio_tracks import add_audio_track
from cms.video.playlists import publish_play_set
from cms.video.retirement import delete_retired
from cms.video.services import request_transcode
from cms.video.stored_refs import in_use, master_references
from cms.video.subtitles import add_subtitles

from . import test_audio_tracks
from .conftest import ffprobe_json
from .test_audio_tracks import HMN_SRT, VI_VTT, add_track

pytestmark = pytest.mark.ffmpeg
dub = test_audio_tracks.dub  # the 3 s "phone recording" fixture
HMN_VTT_2 = b"WEBVTT\n\n00:00.000 --> 00:01.000\nNyob zoo.\n"


@pytest.fixture(params=["local", "s3"])
def storage(request):
    if request.param == "s3":
        request.getfixturevalue("s3_storage_settings")
    return request.param


@pytest.fixture(scope="module")
def second_dub(tmp_path_factory):
    """Another recording in the same language: the track re-recorded."""
    path = tmp_path_factory.mktemp("dub2") / "thu-lai.m4a"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i",
         "sine=frequency=500:sample_rate=48000", "-t", "2", "-ac", "1",
         "-c:a", "aac", str(path)],
        check=True,
    )  # fmt: skip
    return path


def stored_files(prefix: str = "") -> set[str]:
    """Every stored name under ``prefix``, through the storage API (local or S3)."""
    try:
        directories, files = default_storage.listdir(prefix)
    except FileNotFoundError:
        return set()
    names = {f"{prefix}/{name}" if prefix else name for name in files}
    for directory in directories:
        names |= stored_files(f"{prefix}/{directory}" if prefix else directory)
    return names


def under(directory: str) -> set[str]:
    return {name for name in stored_files() if name.startswith(directory + "/")}


def track_dir(track: AudioTrack) -> str:
    return track.playlist.rsplit("/", 1)[0]


def after_grace(hours: int = 2):
    return timezone.now() + timedelta(hours=hours)


def plays(media) -> bool:
    """ffprobe reads every file the master names, through the storage."""
    refs = master_references(media.hls_playlist)
    return bool(refs) and all(default_storage.exists(name) for name in refs)


@pytest.fixture
def dubbed(storage, make_media, clips, dub, django_capture_on_commit_callbacks):
    media = make_media(clips["360p"])
    with django_capture_on_commit_callbacks(execute=True):
        request_transcode(media=media)
    with django_capture_on_commit_callbacks(execute=True):
        track = add_track(media, dub)
    media.refresh_from_db()
    track.refresh_from_db()
    assert track.status == TranscodeStatus.READY, track.error
    return media, track


def test_a_re_recorded_track_removes_the_old_recording_and_renditions(
    dubbed, second_dub, django_capture_on_commit_callbacks
):
    """The old recording, segments and MP4 go once the new track plays and the
    grace period is over; the new track's files and the master stay."""
    media, old = dubbed
    old_files = under(track_dir(old)) | {old.recording.name}
    assert old.download_file in old_files
    with django_capture_on_commit_callbacks(execute=True):
        add_audio_track(
            media=media, language="hmn", source=second_dub, filename=second_dub.name
        )
    new = AudioTrack.objects.get(pk=old.pk)
    media.refresh_from_db()
    assert new.status == TranscodeStatus.READY, new.error
    assert track_dir(new) != track_dir(old)
    assert new.recording.name != old.recording.name
    # Within the grace period a player of the old master still finds everything.
    assert delete_retired() == []
    assert old_files <= stored_files()
    delete_retired(now=after_grace())
    left = stored_files()
    assert not old_files & left
    assert {new.recording.name, new.playlist, new.download_file} <= left
    assert plays(media)
    assert not RetiredRenditions.objects.exists()


def test_a_failed_new_recording_keeps_the_old_track_playing(
    dubbed, second_dub, django_capture_on_commit_callbacks
):
    media, old = dubbed
    old_renditions = under(track_dir(old))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        add_audio_track(
            media=media, language="hmn", source=second_dub, filename=second_dub.name
        )
    track = AudioTrack.objects.get(pk=old.pk)
    # The stored recording is damaged before the worker gets to it.
    default_storage.delete(track.recording.name)
    default_storage.save(track.recording.name, ContentFile(b"not a recording"))
    for callback in callbacks:
        callback()
    track.refresh_from_db()
    assert track.status == TranscodeStatus.FAILED
    assert track.playlist == old.playlist
    delete_retired(now=after_grace())
    assert old_renditions <= stored_files()
    assert old.recording.name not in stored_files()  # nothing refers to it
    media.refresh_from_db()
    assert plays(media)
    if default_storage.__class__.__name__ == "FileSystemStorage":
        probed = ffprobe_json(default_storage.path(media.hls_playlist), "-show_streams")
        languages = {s.get("tags", {}).get("language") for s in probed["streams"]}
        assert "hmn" in languages


def test_a_deleted_track_waits_for_a_master_without_it(
    dubbed, django_capture_on_commit_callbacks
):
    """Its renditions stay while the current master names them; then they go."""
    media, track = dubbed
    track_id = track.pk
    files = under(track_dir(track)) | {track.recording.name}
    with django_capture_on_commit_callbacks(execute=True):
        track.delete()
    assert delete_retired(now=after_grace()) == [track.recording.name]
    assert under(track_dir(track)) == files - {track.recording.name}
    assert plays(media)
    publish_play_set(media_id=media.pk)
    media.refresh_from_db()
    deleted = delete_retired(now=after_grace(hours=4))
    assert f"media/renditions/{media.pk}/tracks/{track_id}" in deleted
    assert not files & stored_files()
    assert plays(media)


def test_deleting_a_track_in_the_admin_removes_its_files(
    dubbed, editor_client, django_capture_on_commit_callbacks
):
    media, track = dubbed
    files = under(track_dir(track)) | {track.recording.name}
    url = reverse("wagtailsnippets_cms_audiotrack:delete", args=[track.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url)
    assert response.status_code == 302
    media.refresh_from_db()
    delete_retired(now=after_grace())
    assert not files & stored_files()
    assert plays(media)


def test_replaced_and_deleted_subtitles_leave_storage(
    dubbed, django_capture_on_commit_callbacks
):
    media, _track = dubbed
    with django_capture_on_commit_callbacks(execute=True):
        first = add_subtitles(media=media, language="hmn", data=HMN_SRT)
        add_subtitles(media=media, language="vi", data=VI_VTT)
    old_name = first.file.name
    with django_capture_on_commit_callbacks(execute=True):
        replaced = add_subtitles(media=media, language="hmn", data=HMN_VTT_2)
    assert replaced.file.name != old_name
    delete_retired(now=after_grace())
    left = stored_files()
    assert old_name not in left and replaced.file.name in left
    vi = MediaCaption.objects.get(language="vi")
    with django_capture_on_commit_callbacks(execute=True):
        vi.delete()
    delete_retired(now=after_grace(hours=4))
    assert vi.file.name not in stored_files()
    media.refresh_from_db()
    assert plays(media)


def test_a_rolled_back_replacement_keeps_the_old_file(
    make_media, clips, django_capture_on_commit_callbacks
):
    """Nothing is retired for a change that never committed."""
    media = make_media(clips["audio"], kind="audio")
    caption = MediaCaption.objects.create(
        media=media,
        language="vi",
        label="Tiếng Việt",
        file=ContentFile(VI_VTT, "a.vtt"),
    )
    old_name = caption.file.name
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        caption.file.save("b.vtt", ContentFile(HMN_VTT_2))
        raise RuntimeError
    assert not RetiredRenditions.objects.exists()
    delete_retired(now=after_grace())
    assert default_storage.exists(old_name)


def test_a_name_something_refers_to_again_is_kept(
    make_media, clips, django_capture_on_commit_callbacks
):
    """A retired name a caption refers to when its time comes waits instead."""
    media = make_media(clips["audio"], kind="audio")
    caption = MediaCaption.objects.create(
        media=media,
        language="vi",
        label="Tiếng Việt",
        file=ContentFile(VI_VTT, "a.vtt"),
    )
    RetiredRenditions.objects.create(
        prefix=caption.file.name, delete_after=timezone.now()
    )
    assert in_use(caption.file.name)
    assert delete_retired() == []
    assert default_storage.exists(caption.file.name)
    assert RetiredRenditions.objects.get().delete_after > timezone.now()

"""The admin's dubbed-track and subtitle snippets ask the same rule as the flow."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.models import AudioTrack
from cms.models.media import MediaCaption, TranscodeStatus

from .conftest import fresh, upload

pytestmark = pytest.mark.ffmpeg
ADD_TRACK = reverse("wagtailsnippets_cms_audiotrack:add")
ADD_CAPTION = reverse("wagtailsnippets_cms_mediacaption:add")


def allow_snippets(user):
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="cms",
            codename__in=[
                f"{action}_{model}"
                for model in ("audiotrack", "mediacaption")
                for action in ("add", "change", "delete", "view")
            ],
        )
    )
    return fresh(user)


def test_staff_add_a_track_in_the_admin_for_their_own_video(
    client, world, video_lesson, phone_clips, django_capture_on_commit_callbacks
):
    _lesson, media = video_lesson
    client.force_login(allow_snippets(world["staff"]))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            ADD_TRACK,
            {
                "media": media.pk,
                "language": "hmn",
                "recording": upload(phone_clips["audio"], "audio/mp4"),
            },
        )
    assert response.status_code == 302, response.content.decode()[-3000:]
    track = AudioTrack.objects.get()
    assert track.status == TranscodeStatus.READY, track.error
    media.refresh_from_db()
    assert "/play/" in media.hls_playlist


def test_staff_of_another_commune_cannot_attach_to_this_video(
    client, world, video_lesson, phone_clips
):
    _lesson, media = video_lesson
    client.force_login(allow_snippets(world["far_staff"]))
    response = client.post(
        ADD_TRACK,
        {
            "media": media.pk,
            "language": "hmn",
            "recording": upload(phone_clips["audio"], "audio/mp4"),
        },
    )
    assert response.status_code == 200
    assert "Bạn không được sửa video này." in response.content.decode()
    response = client.post(
        ADD_CAPTION,
        {
            "media": media.pk,
            "language": "vi",
            "file": SimpleUploadedFile(
                "a.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nx\n"
            ),
        },
    )
    assert "Bạn không được sửa video này." in response.content.decode()
    assert not AudioTrack.objects.exists() and not MediaCaption.objects.exists()


def test_another_communes_track_is_neither_listed_nor_editable(
    client, world, video_lesson, phone_clips, django_capture_on_commit_callbacks
):
    _lesson, media = video_lesson
    with phone_clips["audio"].open("rb") as handle:
        track = AudioTrack.objects.create(
            media=media, language="hmn", recording=File(handle, name="a.m4a")
        )
    client.force_login(allow_snippets(world["far_staff"]))
    listing = client.get(reverse("wagtailsnippets_cms_audiotrack:list"))
    assert listing.status_code == 200
    assert reverse("wagtailsnippets_cms_audiotrack:edit", args=[track.pk]) not in (
        listing.content.decode()
    )
    for name in ("edit", "delete"):
        url = reverse(f"wagtailsnippets_cms_audiotrack:{name}", args=[track.pk])
        assert client.get(url).status_code in (302, 403)
        client.post(url)
    assert AudioTrack.objects.filter(pk=track.pk, language="hmn").exists()

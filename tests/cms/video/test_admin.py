"""Staff see the processing status with its percent and can retry a failed job."""

import pytest
from django.urls import reverse

from cms.models.media import TranscodeStatus

pytestmark = pytest.mark.ffmpeg


def test_status_page_shows_percent_and_reason(editor_client, make_media, clips):
    busy = make_media(clips["360p"], title="Đang làm")
    busy.transcode_status, busy.transcode_percent = TranscodeStatus.PROCESSING, 42
    busy.save()
    broken = make_media(clips["360p"], title="Hỏng")
    broken.transcode_status = TranscodeStatus.FAILED
    broken.transcode_error = "Không chuyển đổi được tệp"
    broken.save()

    response = editor_client.get(reverse("media_status:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đang xử lý (42%)" in html
    assert "Không chuyển đổi được tệp" in html
    assert reverse("media_status:retry", args=(broken.pk,)) in html
    assert reverse("media_status:retry", args=(busy.pk,)) not in html
    assert '<meta http-equiv="refresh" content="5">' in html  # while work goes on

    listing = editor_client.get(reverse("wagtailmedia:index"))
    assert "Đang xử lý (42%)" in listing.content.decode()


def test_retry_button_transcodes_again(
    editor_client, make_media, clips, django_capture_on_commit_callbacks
):
    media = make_media(clips["360p"])
    media.transcode_status, media.transcode_attempt = TranscodeStatus.FAILED, 1
    media.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("media_status:retry", args=(media.pk,)))
    assert response.status_code == 302
    media.refresh_from_db()
    assert (media.transcode_status, media.transcode_attempt) == ("ready", 2)


def test_status_page_needs_media_permission(client, resident):
    client.force_login(resident)
    response = client.get(reverse("media_status:index"))
    assert response.status_code in (302, 403)

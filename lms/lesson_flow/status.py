"""Progress in words for the status page and the list: "Đang xử lý video: 40 %"."""

from django.utils.translation import gettext as _

from cms.models import LessonMedia
from cms.models.media import TranscodeStatus


def is_pending(media: LessonMedia | None) -> bool:
    return media is not None and media.transcode_status in (
        TranscodeStatus.QUEUED,
        TranscodeStatus.PROCESSING,
    )


def status_words(media: LessonMedia | None) -> str:
    if media is None:
        return _("No video or audio yet")
    video = media.type == "video"
    status = media.transcode_status
    if status == TranscodeStatus.QUEUED:
        return (
            _("Waiting to process the video")
            if video
            else _("Waiting to process the audio")
        )
    if status == TranscodeStatus.PROCESSING:
        words = (
            _("Processing the video: %(percent)d %%")
            if video
            else _("Processing the audio: %(percent)d %%")
        )
        return words % {"percent": media.transcode_percent}
    if status == TranscodeStatus.READY:
        return _("The video is ready") if video else _("The audio is ready")
    words = (
        _("The video could not be processed: %(reason)s")
        if video
        else _("The audio could not be processed: %(reason)s")
    )
    return words % {"reason": media.transcode_error}

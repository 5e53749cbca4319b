"""Admin forms for dubbed audio tracks and subtitles (snippets under *Media*).

Both ask ``cms.add_media_track`` on the chosen video, so staff of another place
cannot attach anything to it; a file that cannot be used is refused under its
field with the rest of the form kept.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from cms.content_languages import autonym
from cms.models.media import MediaCaption

from .audio_tracks import check_recording
from .forms import local_path
from .probe import MediaRejected
from .subtitles import SubtitleRejected, to_webvtt


class MediaChangeForm(WagtailAdminModelForm):
    def clean_media(self):
        media = self.cleaned_data.get("media")
        if media is not None and not self.for_user.has_perm(
            "cms.add_media_track", media
        ):
            raise ValidationError(_("You may not change this video."))
        return media


class AudioTrackAdminForm(MediaChangeForm):
    def clean_recording(self):
        recording = self.cleaned_data.get("recording")
        if recording and hasattr(recording, "chunks"):
            try:
                with local_path(recording) as path:
                    check_recording(path)
            except MediaRejected as rejection:
                raise ValidationError(rejection.message) from None
        return recording


class CaptionAdminForm(MediaChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "label" in self.fields:
            self.fields["label"].required = False  # the language's own name

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "chunks"):
            upload.seek(0)
            try:
                vtt = to_webvtt(upload.read())
            except SubtitleRejected as rejection:
                raise ValidationError(rejection.message) from None
            stem = (upload.name or "subtitles").rsplit(".", 1)[0]
            return ContentFile(vtt, name=f"{stem}.vtt")
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("label") and cleaned.get("language"):
            cleaned["label"] = autonym(cleaned["language"])
        return cleaned

    def save(self, commit=True):
        caption = super().save(commit=False)
        if caption.on_by_default:
            # One set of subtitles is on by default: this one takes the place.
            MediaCaption.objects.filter(
                media=caption.media, on_by_default=True
            ).exclude(pk=caption.pk).update(on_by_default=False)
        if commit:
            caption.save()
        return caption

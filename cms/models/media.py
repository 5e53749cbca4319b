"""Audio and video uploaded by staff for lessons (wagtailmedia's model, extended)."""

from django.utils.translation import gettext_lazy as _
from wagtailmedia.models import AbstractMedia


class LessonMedia(AbstractMedia):
    """One uploaded audio or video file; the original is kept unchanged."""

    admin_form_fields = ("title", "file", "collection", "thumbnail", "tags")

    class Meta(AbstractMedia.Meta):
        verbose_name = _("audio or video")
        verbose_name_plural = _("audio and video")

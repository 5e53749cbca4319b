"""Audio and video uploaded by staff for lessons, with their transcoded renditions.

The original upload is never modified. The transcoding job (cms.video.pipeline) writes
its outputs under ``media/renditions/<id>/<attempt>/`` and only then records them here,
so a row is either ``ready`` with a complete set or has no published set at all.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtailmedia.models import AbstractMedia

from cms.content_languages import DEFAULT_CODE, choices_for_staff
from cms.unguessable import caption_path, recording_path
from cms.video.captions import validate_language_code, validate_webvtt


class TranscodeStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    PROCESSING = "processing", _("Processing")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class LessonMedia(AbstractMedia):
    """One uploaded audio or video file; the original is kept unchanged."""

    admin_form_fields = ("title", "file", "collection", "thumbnail", "tags")

    size_bytes = models.BigIntegerField(
        null=True, blank=True, editable=False, verbose_name=_("size in bytes")
    )
    transcode_status = models.CharField(
        max_length=20,
        choices=TranscodeStatus.choices,
        default=TranscodeStatus.QUEUED,
        editable=False,
        verbose_name=_("processing status"),
    )
    transcode_percent = models.PositiveSmallIntegerField(default=0, editable=False)
    transcode_error = models.TextField(blank=True, editable=False)
    # Each (re)try gets a new attempt number; a job only writes to its own attempt.
    transcode_attempt = models.PositiveIntegerField(default=0, editable=False)
    # A processing job holds a lease that its progress keeps extending; an expired
    # lease means the worker died and cms.video.recovery takes the job over.
    transcode_lease_until = models.DateTimeField(null=True, blank=True, editable=False)
    transcode_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    transcode_finished_at = models.DateTimeField(null=True, blank=True, editable=False)
    hls_playlist = models.CharField(max_length=500, blank=True, editable=False)
    download_file = models.CharField(max_length=500, blank=True, editable=False)
    # Shown beside the download link, so nobody spends data without knowing how much.
    download_bytes = models.BigIntegerField(null=True, blank=True, editable=False)
    poster_file = models.CharField(max_length=500, blank=True, editable=False)
    # Posters by width in pixels ({"320": name, ...}) for srcset; older media have
    # only ``poster_file``.
    posters = models.JSONField(default=dict, blank=True, editable=False)
    thumbnail_file = models.CharField(max_length=500, blank=True, editable=False)
    renditions = models.JSONField(default=list, blank=True, editable=False)
    # The language spoken in the original recording: the first audio choice.
    audio_language = models.CharField(
        max_length=12,
        choices=choices_for_staff(),
        default=DEFAULT_CODE,
        verbose_name=_("language spoken in the recording"),
    )

    class Meta(AbstractMedia.Meta):
        verbose_name = _("audio or video")
        verbose_name_plural = _("audio and video")
        constraints = [
            models.CheckConstraint(
                condition=Q(transcode_percent__lte=100),
                name="lesson_media_percent_at_most_100",
            ),
            models.CheckConstraint(
                condition=~Q(transcode_status="ready") | ~Q(hls_playlist=""),
                name="lesson_media_ready_has_playlist",
            ),
        ]

    @property
    def is_ready(self) -> bool:
        """A published set can be played, also while a new attempt is under way.

        "Process again" keeps the previous set live until the new one replaces it.
        """
        return bool(self.hls_playlist)

    def _storage_url(self, name: str) -> str:
        return self.file.storage.url(name) if name else ""

    @property
    def hls_url(self) -> str:
        return self._storage_url(self.hls_playlist)

    @property
    def download_url(self) -> str:
        return self._storage_url(self.download_file)

    @property
    def poster_url(self) -> str:
        return self._storage_url(self.poster_file)

    @property
    def thumbnail_url(self) -> str:
        return self._storage_url(self.thumbnail_file)

    @property
    def audio_only_url(self) -> str:
        """The audio-only variant's playlist, for the player's "listen only"."""
        for rendition in self.renditions:
            if not rendition.get("short_side"):
                return self._storage_url(rendition["playlist"])
        return ""

    @property
    def browser_playable(self) -> bool:
        """Whether the original can stand in while renditions are being made."""
        return self.file_extension.lower() in {
            "mp4",
            "m4v",
            "webm",
            "mp3",
            "m4a",
            "ogg",
        }


class MediaCaption(models.Model):
    """One WebVTT caption file for one audio or video in one language."""

    media = models.ForeignKey(
        LessonMedia,
        on_delete=models.CASCADE,
        related_name="captions",
        verbose_name=_("audio or video"),
    )
    language = models.CharField(
        max_length=12,
        validators=[validate_language_code],
        verbose_name=_("language code"),
        help_text=_("For example vi, en, hmn."),
    )
    label = models.CharField(max_length=60, verbose_name=_("label"))
    file = models.FileField(
        upload_to=caption_path,
        validators=[validate_webvtt],
        verbose_name=_("WebVTT file"),
    )
    # For people who read Vietnamese better than they follow the spoken words.
    on_by_default = models.BooleanField(
        default=False, verbose_name=_("subtitles on by default")
    )

    class Meta:
        verbose_name = _("caption")
        verbose_name_plural = _("captions")
        constraints = [
            models.UniqueConstraint(
                fields=["media", "language"], name="one_caption_per_language"
            ),
            models.UniqueConstraint(
                fields=["media"],
                condition=Q(on_by_default=True),
                name="one_default_caption_per_media",
            ),
        ]

    def __str__(self):
        return f"{self.media} – {self.label}"


class AudioTrack(models.Model):
    """One dubbed sound track of a video in one language (a recording laid over it).

    The recording is kept unchanged; ``cms.video.audio_tracks`` aligns it to the
    video and publishes it as an alternative audio rendition under
    ``media/renditions/<media>/tracks/<id>/<attempt>/``.
    """

    media = models.ForeignKey(
        LessonMedia,
        on_delete=models.CASCADE,
        related_name="audio_tracks",
        verbose_name=_("video"),
    )
    language = models.CharField(
        max_length=12, choices=choices_for_staff(), verbose_name=_("language")
    )
    recording = models.FileField(
        upload_to=recording_path, verbose_name=_("recording of the dubbed sound")
    )
    status = models.CharField(
        max_length=20,
        choices=TranscodeStatus.choices,
        default=TranscodeStatus.QUEUED,
        editable=False,
        verbose_name=_("processing status"),
    )
    attempt = models.PositiveIntegerField(default=0, editable=False)
    error = models.TextField(blank=True, editable=False)
    # As the video's: a lease run out means its worker died (cms.video.recovery).
    lease_until = models.DateTimeField(null=True, blank=True, editable=False)
    playlist = models.CharField(max_length=500, blank=True, editable=False)
    audio_bytes = models.BigIntegerField(null=True, blank=True, editable=False)
    download_file = models.CharField(max_length=500, blank=True, editable=False)
    download_bytes = models.BigIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dubbed audio track")
        verbose_name_plural = _("dubbed audio tracks")
        constraints = [
            models.UniqueConstraint(
                fields=["media", "language"], name="one_audio_track_per_language"
            ),
            models.CheckConstraint(
                condition=~Q(status="ready") | ~Q(playlist=""),
                name="audio_track_ready_has_playlist",
            ),
        ]

    def __str__(self):
        return f"{self.media} – {self.get_language_display()}"

    @property
    def is_ready(self) -> bool:
        return bool(self.playlist)

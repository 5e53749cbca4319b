"""Progress: what a learner did in a lesson, the events behind it, daily totals."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CompletionReason(models.TextChoices):
    # Given before lessons had completion rules; kept for the rows it is on.
    MARKED_DONE = "marked_done", _("Marked as done")
    MEDIA_WATCHED = "media_watched", _("Watched or listened to the media")
    QUIZ_PASSED = "quiz_passed", _("Passed the quiz")
    READING_TIME = "reading_time", _("Spent the reading time on the lesson")


class LessonProgress(models.Model):
    """One learner's progress through one lesson."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.PROTECT,
        related_name="lesson_progress",
    )
    lesson = models.ForeignKey(
        "cms.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    seconds_spent = models.PositiveIntegerField(_("seconds spent"), default=0)
    # Merged [from, to] intervals on the lesson's media timeline (its media one
    # after another), so re-watching or seeking never inflates watched_seconds.
    watched_intervals = models.JSONField(_("watched intervals"), default=list)
    watched_seconds = models.FloatField(_("seconds of media watched"), default=0)
    media_seconds = models.FloatField(_("seconds of media in the lesson"), default=0)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    completion_reason = models.CharField(
        _("completed by"),
        max_length=20,
        choices=CompletionReason.choices,
        blank=True,
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "lesson"], name="one_progress_per_lesson"
            )
        ]

    def __str__(self):
        return f"{self.learner} – {self.lesson_id}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


class EventType(models.TextChoices):
    LESSON_TIME = "lesson.time", _("Time on a lesson")
    LESSON_COMPLETED = "lesson.completed", _("Lesson marked as done")
    MEDIA_WATCHED = "media.watched", _("Media watched")
    QUIZ_ANSWERED = "quiz.answered", _("Quiz answered")


class ProgressEvent(models.Model):
    """One accepted event sent by a learner's device, under the id the device chose."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # The device's own id for the event. Unique per learner, not globally: a resent
    # event is refused by the database itself (also two copies at the same moment),
    # while another learner's device can neither collide with it nor probe for it.
    client_event_id = models.UUIDField(_("event id"), editable=False)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.PROTECT,
        related_name="progress_events",
    )
    type = models.CharField(_("type"), max_length=20, choices=EventType.choices)
    lesson = models.ForeignKey(
        "cms.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("happened at"))
    payload = models.JSONField(_("payload"), default=dict, blank=True)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress event")
        verbose_name_plural = _("progress events")
        indexes = [models.Index(fields=["learner", "at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "client_event_id"], name="one_event_id_per_learner"
            )
        ]

    def __str__(self):
        return f"{self.type} {self.client_event_id}"


class DailyLearning(models.Model):
    """One learner's online learning time on one day (Vietnam time)."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.PROTECT,
        related_name="daily_learning",
    )
    day = models.DateField(_("day"))
    commune = models.ForeignKey(
        "cms.Commune",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    online_seconds = models.PositiveIntegerField(_("seconds online"), default=0)

    class Meta:
        verbose_name = _("daily learning")
        verbose_name_plural = _("daily learning")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "day"], name="one_daily_learning_per_day"
            )
        ]
        indexes = [
            models.Index(fields=["day"]),
            models.Index(fields=["commune", "day"]),
        ]

    def __str__(self):
        return f"{self.learner} {self.day}"

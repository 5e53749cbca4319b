"""In-person classes held at a centre and who attended them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ClassSession(models.Model):
    """One in-person class (a session on one date) held by a centre."""

    centre = models.ForeignKey(
        "cms.Centre",
        verbose_name=_("centre"),
        on_delete=models.PROTECT,
        related_name="class_sessions",
    )
    topic = models.CharField(_("topic"), max_length=200)
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1)
    place = models.CharField(_("place"), max_length=200, blank=True)
    course = models.ForeignKey(
        "cms.CoursePage",
        verbose_name=_("linked course"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    community_topic = models.CharField(_("community topic"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("class session")
        verbose_name_plural = _("class sessions")
        ordering = ["-date", "-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0) & models.Q(hours__lte=24),
                name="class_hours_between_0_and_24",
            )
        ]
        indexes = [models.Index(fields=["centre", "date"])]

    def __str__(self):
        return f"{self.topic} ({self.date})"


class Attendance(models.Model):
    """Whether one learner attended one class session."""

    session = models.ForeignKey(
        ClassSession,
        verbose_name=_("class session"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    present = models.BooleanField(_("present"), default=True)
    commune = models.ForeignKey(
        "cms.Commune",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "learner"], name="one_attendance_per_session"
            )
        ]
        indexes = [models.Index(fields=["commune", "present"])]

    def __str__(self):
        return f"{self.learner} @ {self.session_id}"

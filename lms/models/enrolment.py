"""Enrolment: a learner taking a course, from enrolling to completing or leaving it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    """One learner's enrolment in one course; unenrolling keeps the row as history."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    course = models.ForeignKey(
        "cms.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The learner's commune when enrolling, so reports stay right when people move.
    commune = models.ForeignKey(
        "cms.Commune",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    enrolled_at = models.DateTimeField(_("enrolled at"))
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enrolled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    unenrolled_at = models.DateTimeField(_("unenrolled at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    percent = models.PositiveSmallIntegerField(_("percent complete"), default=0)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course"],
                condition=Q(unenrolled_at__isnull=True),
                name="one_active_enrolment_per_course",
            ),
            models.CheckConstraint(
                condition=Q(percent__lte=100), name="enrolment_percent_at_most_100"
            ),
        ]
        # Reports count per commune and year; the commune comes first.
        indexes = [
            models.Index(fields=["completed_at"]),
            models.Index(fields=["commune", "enrolled_at"]),
            models.Index(fields=["commune", "completed_at"]),
        ]

    def __str__(self):
        return f"{self.learner} – {self.course_id}"

    @property
    def is_active(self) -> bool:
        return self.unenrolled_at is None

"""Who among staff and officers looked at a resident's personal data, and when.

Law 91/2025/QH15 gives the person the right to know how their data is processed;
the rows are shown on their data page and included in their export.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessKind(models.TextChoices):
    DOSSIER = "dossier", _("Recognition dossier")
    DOSSIER_CERTIFICATE = "dossier_certificate", _("Recognition certificate")
    EVIDENCE = "evidence", _("Evidence file")
    CERTIFICATE = "certificate", _("Course certificate")
    TEMPORARY_PASSWORD = "temporary_password", _("Temporary password")
    ATTENDANCE_LIST = "attendance_list", _("Attendance list")
    ENROL_LIST = "enrol_list", _("Enrolment list")


class PersonalDataAccess(models.Model):
    """One view of one resident's personal data by someone other than them."""

    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("viewed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # Kept as text so the person still learns who looked after that account goes.
    viewer_name = models.CharField(_("viewer's name"), max_length=150)
    viewer_commune = models.ForeignKey(
        "cms.Commune",
        verbose_name=_("viewer's commune"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("whose data"),
        on_delete=models.CASCADE,
        related_name="personal_data_accesses",
    )
    what = models.CharField(_("what"), max_length=30, choices=AccessKind.choices)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    path = models.CharField(_("page"), max_length=300, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")
        indexes = [models.Index(fields=["subject", "-at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.viewer_name} {self.what}"

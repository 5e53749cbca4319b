"""The outbox: statements waiting for, or already accepted by, the LRS."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class StatementStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Stored by the LRS")
    # The LRS refused this statement itself (4xx): it is kept, never retried.
    REFUSED = "refused", _("Refused by the LRS")


class Statement(models.Model):
    """One xAPI statement about one learner or one group, under its stable id."""

    # The statement's own id (uuid5 of the record behind it), so recording the
    # same record again adds nothing and the LRS never stores two copies.
    id = models.UUIDField(primary_key=True, editable=False)
    # None for a Group's statement (a family, clan, community or unit recognised):
    # it is about no single learner, so no learner's export or erasure carries it.
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="xapi_statements",
    )
    verb = models.CharField(_("verb"), max_length=40)
    # The record a statement may be taken back for ("attendance:12"): unticking a
    # learner's attendance or revoking a recognition voids its statements.
    record = models.CharField(_("record"), max_length=60, blank=True, db_index=True)
    data = models.JSONField(_("statement"))
    timestamp = models.DateTimeField(_("happened at"))
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatementStatus.choices,
        default=StatementStatus.PENDING,
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"))
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        indexes = [
            # The sender's query: the pending rows that are due, oldest first.
            models.Index(
                fields=["next_attempt_at", "created_at"],
                condition=Q(status="pending"),
                name="xapi_pending_due",
            ),
            models.Index(fields=["learner", "timestamp"]),
        ]

    def __str__(self):
        return f"{self.verb} {self.id}"

"""Resumable uploads (the tus protocol's server state): how far each one has come.

The bytes themselves are chunk files in the private storage (cms.resumable.service);
a row says whose upload it is, how long it will be and how many bytes have arrived.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ResumableUpload(models.Model):
    """One file being sent in chunks by one person; resumed from ``offset``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    length = models.BigIntegerField(_("length in bytes"))
    offset = models.BigIntegerField(_("bytes received"), default=0)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("resumable upload")
        verbose_name_plural = _("resumable uploads")
        constraints = [
            models.CheckConstraint(
                condition=Q(offset__gte=0) & Q(offset__lte=models.F("length")),
                name="resumable_upload_offset_within_length",
            )
        ]

    def __str__(self):
        return f"{self.filename} ({self.offset}/{self.length})"

    @property
    def is_complete(self) -> bool:
        return self.offset == self.length

    @property
    def chunk_prefix(self) -> str:
        return f"resumable/{self.pk.hex}"

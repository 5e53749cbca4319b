"""Renditions replaced by a newer attempt, kept for a while for those watching them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RetiredRenditions(models.Model):
    """One replaced set of renditions (a storage prefix), deleted after a grace period.

    A player that loaded the old playlist keeps fetching its segments for the rest of
    the lesson, so "Process again" must not pull them from under it.
    """

    prefix = models.CharField(max_length=500, unique=True)
    delete_after = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("replaced renditions")
        verbose_name_plural = _("replaced renditions")

    def __str__(self):
        return self.prefix

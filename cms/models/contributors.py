"""University contributors: which institution a staff account writes for."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .snippets import Institution


class ContributorProfile(models.Model):
    """One person who contributes open resources on behalf of one institution."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="contributor_profile",
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="contributors",
    )

    class Meta:
        verbose_name = _("university contributor")
        verbose_name_plural = _("university contributors")

    def __str__(self):
        return f"{self.user} – {self.institution}"

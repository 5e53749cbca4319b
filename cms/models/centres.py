"""Community learning centres (TTHTCĐ)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .places import Commune


class Centre(models.Model):
    """A community learning centre: a commune's continuing-education institution."""

    commune = models.OneToOneField(
        Commune,
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="centre",
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    # Where the centre's staff upload images, documents, video and audio; made by
    # cms.place_rights, kept across renames of the centre.
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    schedule = models.TextField(
        _("opening hours"),
        blank=True,
        help_text=_("For example: Monday to Friday, 7:30–11:30 and 13:30–17:00."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("community learning centre")
        verbose_name_plural = _("community learning centres")

    def __str__(self):
        return self.name

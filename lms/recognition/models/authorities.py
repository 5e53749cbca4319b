"""Who recognises each learning model, at which level, in which province."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lms.recognition.constants import LearningModel


class DecidingLevel(models.TextChoices):
    COMMUNE = "commune", _("Commune")
    PROVINCE = "province", _("Province")


class RecognisingAuthority(models.Model):
    """The body that signs recognition decisions for one model at one level.

    A row without a province is the default everywhere; a province's own row wins
    inside it. ``{commune}`` and ``{province}`` in the name are filled in per decision.
    """

    model = models.CharField(
        _("learning model"), max_length=20, choices=LearningModel.choices
    )
    level = models.CharField(
        _("deciding level"), max_length=10, choices=DecidingLevel.choices
    )
    province = models.ForeignKey(
        "cms.Province",
        verbose_name=_("province"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Leave empty for the default that applies in every province."),
        related_name="+",
    )
    authority = models.CharField(
        _("authority"),
        max_length=200,
        help_text=_(
            "For example: Ủy ban nhân dân xã {commune}. {commune} and {province} are "
            "replaced by the names of the place."
        ),
    )
    parent_authority = models.CharField(
        _("parent authority"),
        max_length=200,
        blank=True,
        help_text=_(
            "Printed above the authority in a decision's header, for example: Hội "
            "Khuyến học tỉnh {province}. Leave empty for a People's Committee."
        ),
    )
    signer_title = models.CharField(_("signer's title"), max_length=120)
    signer_name = models.CharField(_("signer"), max_length=120, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=200, blank=True)

    class Meta:
        ordering = ["model", "level", "province__name"]
        verbose_name = _("recognising authority")
        verbose_name_plural = _("recognising authorities")
        constraints = [
            models.UniqueConstraint(
                fields=["model", "level", "province"],
                name="one_authority_per_model_level_province",
            ),
            models.UniqueConstraint(
                fields=["model", "level"],
                condition=Q(province__isnull=True),
                name="one_default_authority_per_model_level",
            ),
        ]

    def __str__(self):
        where = self.province.name if self.province_id else _("default")
        return f"{self.get_model_display()} – {self.get_level_display()} ({where})"

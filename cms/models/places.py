"""Administrative units after the July 2025 reform, and the villages under them.

Two levels are current: 34 provinces and 3,321 communes/wards. Districts no longer
exist; a ``District`` row only records the historical level of older data, and a
commune that was merged away stays as a non-current row pointing at its successor,
so records imported from before 2025 keep their meaning.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.text import fold


class Province(models.Model):
    """A province or centrally-run city (tỉnh / thành phố trung ương)."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=120)
    division_type = models.CharField(_("division type"), max_length=40)
    codename = models.SlugField(max_length=120)

    class Meta:
        ordering = ["name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name


class District(models.Model):
    """A district as it was before July 2025; kept only for older records."""

    code = models.CharField(_("code"), max_length=6, unique=True)
    name = models.CharField(_("name"), max_length=120)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="former_districts"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("former district")
        verbose_name_plural = _("former districts")

    def __str__(self):
        return self.name


class CommuneQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True)


class Commune(models.Model):
    """A commune, ward or special zone (xã / phường / đặc khu)."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=120)
    division_type = models.CharField(_("division type"), max_length=40)
    codename = models.SlugField(max_length=120)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="communes"
    )
    former_district = models.ForeignKey(
        District,
        verbose_name=_("former district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="communes",
    )
    is_current = models.BooleanField(_("current unit"), default=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
    )
    # Folded "name province" text for the accent-insensitive picker.
    search_text = models.CharField(max_length=300, editable=False, db_index=True)

    objects = CommuneQuerySet.as_manager()

    class Meta:
        ordering = ["province__name", "name"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self):
        return f"{self.name}, {self.province.name}"

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.name} {self.province.name}")
        super().save(*args, **kwargs)


class Village(models.Model):
    """A village or residential group (thôn, bản, ấp, tổ dân phố) in a commune."""

    class Kind(models.TextChoices):
        VILLAGE = "thon", _("Village (thôn)")
        HAMLET = "ban", _("Hamlet (bản)")
        AP = "ap", _("Hamlet (ấp)")
        RESIDENTIAL_GROUP = "to_dan_pho", _("Residential group (tổ dân phố)")

    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="villages",
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.VILLAGE
    )

    class Meta:
        ordering = ["commune", "name"]
        verbose_name = _("village or residential group")
        verbose_name_plural = _("villages and residential groups")
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "name"], name="unique_village_name_per_commune"
            )
        ]

    def __str__(self):
        return self.name

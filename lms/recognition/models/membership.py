"""Who belongs to what: households, clans and units, with history.

A resident is in one household at a time: a membership row is closed (``left_on``)
before another opens, and a partial unique constraint holds it in the database.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.recognition.constants import UnitKind


class Household(models.Model):
    """A household (hộ gia đình) living in a village of a commune."""

    name = models.CharField(_("name"), max_length=200)
    commune = models.ForeignKey(
        "cms.Commune",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="households",
    )
    village = models.ForeignKey(
        "cms.Village",
        verbose_name=_("village"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="households",
    )
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("head of household"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="households_headed",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["commune", "village", "name"]
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self):
        return self.name


class HouseholdMembership(models.Model):
    """A period during which a person belonged to a household."""

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="household_memberships",
    )
    relation = models.CharField(_("relation to the head"), max_length=60, blank=True)
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        ordering = ["household", "joined_on"]
        verbose_name = _("household membership")
        verbose_name_plural = _("household memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(left_on__isnull=True),
                name="one_current_household_per_person",
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.household}"


class Clan(models.Model):
    """A clan (dòng họ): households that may live in several villages and communes."""

    name = models.CharField(_("name"), max_length=200)
    commune = models.ForeignKey(
        "cms.Commune",
        verbose_name=_("commune of the clan's committee"),
        on_delete=models.PROTECT,
        related_name="clans",
    )
    village = models.ForeignKey(
        "cms.Village",
        verbose_name=_("village"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="clans",
    )
    representative = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("khuyến học committee representative"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="clans_represented",
    )
    households = models.ManyToManyField(
        Household, through="ClanHousehold", related_name="clans", blank=True
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("clan")
        verbose_name_plural = _("clans")

    def __str__(self):
        return self.name


class ClanHousehold(models.Model):
    """A household's belonging to a clan."""

    clan = models.ForeignKey(Clan, on_delete=models.CASCADE)
    household = models.ForeignKey(Household, on_delete=models.CASCADE)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clan", "household"], name="unique_clan_household"
            )
        ]

    def __str__(self):
        return f"{self.household} – {self.clan}"


class Unit(models.Model):
    """An agency, school or enterprise that takes part as a learning unit."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=UnitKind.choices, default=UnitKind.OTHER
    )
    commune = models.ForeignKey(
        "cms.Commune",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="learning_units",
    )
    village = models.ForeignKey(
        "cms.Village",
        verbose_name=_("village"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_units",
    )
    province_level = models.BooleanField(
        _("under the province"),
        default=False,
        help_text=_("Units of the province are recognised by the province."),
    )
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("head of the unit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="units_headed",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self):
        return self.name


class UnitMembership(models.Model):
    """A period during which a person worked or studied in a unit."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="unit_memberships",
    )
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("unit membership")
        verbose_name_plural = _("unit memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "person"],
                condition=models.Q(left_on__isnull=True),
                name="one_current_membership_per_unit",
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.unit}"

"""Who may see which area's figures.

Village officers see their village, commune officers and centre staff their own
commune (a centre serves exactly one commune) and any village in it, province
officers their province and any commune or village in it, superusers the whole
platform. Everyone else sees nothing.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from accounts.predicates import (
    is_admin,
    is_commune_staff,
    is_province_officer,
    is_village_officer,
)
from cms.models import Commune, Province, Village


class Level:
    PLATFORM = "platform"
    PROVINCE = "province"
    COMMUNE = "commune"
    VILLAGE = "village"


@dataclass(frozen=True)
class Scope:
    """An area a report covers: the platform, a province, a commune or a village."""

    level: str
    province: Province | None = None
    commune: Commune | None = None
    village: Village | None = None

    @property
    def label(self) -> str:
        if self.village is not None:
            return f"{self.village.name}, {self.commune.name}"
        if self.commune is not None:
            return f"{self.commune.name}, {self.commune.province.name}"
        if self.province is not None:
            return self.province.name
        return _("Whole platform")

    @property
    def query_params(self) -> dict[str, str]:
        if self.village is not None:
            return {"village": str(self.village.pk)}
        if self.commune is not None:
            return {"commune": self.commune.code}
        if self.province is not None:
            return {"province": self.province.code}
        return {}

    def contains(self, other: "Scope") -> bool:
        if self.level == Level.PLATFORM:
            return True
        if self.level == Level.PROVINCE:
            return other.level != Level.PLATFORM and (
                (other.province or other.commune.province).pk == self.province.pk
            )
        if self.level == Level.COMMUNE:
            return (
                other.level in (Level.COMMUNE, Level.VILLAGE)
                and other.commune.pk == self.commune.pk
            )
        return other.level == Level.VILLAGE and other.village.pk == self.village.pk


def platform() -> Scope:
    return Scope(level=Level.PLATFORM)


def for_province(province: Province) -> Scope:
    return Scope(level=Level.PROVINCE, province=province)


def for_commune(commune: Commune) -> Scope:
    return Scope(level=Level.COMMUNE, commune=commune, province=commune.province)


def for_village(village: Village) -> Scope:
    commune = village.commune
    return Scope(
        level=Level.VILLAGE,
        village=village,
        commune=commune,
        province=commune.province,
    )


def from_codes(*, province: str = "", commune: str = "", village: str = "") -> Scope:
    """The scope named by codes (a village by its id); raises ``LookupError`` with a
    clear message. The narrowest area named wins."""
    if village:
        # A bounded number: a huge one would overflow the database's integer.
        well_formed = village.isdigit() and len(village) <= 12
        found = (
            Village.objects.select_related("commune__province")
            .filter(pk=int(village))
            .first()
            if well_formed
            else None
        )
        if found is None:
            raise LookupError(
                _("No village has the number %(code)s.") % {"code": village}
            )
        return for_village(found)
    if commune:
        found = Commune.objects.select_related("province").filter(code=commune).first()
        if found is None:
            raise LookupError(
                _("No commune has the code %(code)s.") % {"code": commune}
            )
        return for_commune(found)
    if province:
        found = Province.objects.filter(code=province).first()
        if found is None:
            raise LookupError(
                _("No province has the code %(code)s.") % {"code": province}
            )
        return for_province(found)
    return platform()


def home_scope(user) -> Scope | None:
    """The widest area the user may see, or ``None`` if they may see no report.

    Someone with several roles gets the widest: a village officer who is also a
    commune officer sees the commune (and so their village within it).
    """
    if is_admin(user):
        return platform()
    if is_province_officer(user):
        return for_province(user.commune.province)
    if is_commune_staff(user):
        return for_commune(user.commune)
    if is_village_officer(user):
        # The village's own commune, even if the user's record says otherwise.
        return for_village(user.village)
    return None


def resolve(user, *, province: str = "", commune: str = "", village: str = "") -> Scope:
    """The scope the user asked for, checked against what they may see.

    With no codes the user's own area is used. Raises ``PermissionDenied`` when the
    area lies outside it and ``LookupError`` when a code is unknown.
    """
    if not user.has_perm("reports.view_reports"):
        raise PermissionDenied(_("You do not have access to reports."))
    if not province and not commune and not village:
        return home_scope(user)
    wanted = from_codes(province=province, commune=commune, village=village)
    if not user.has_perm("reports.view_reports", wanted):
        raise PermissionDenied(_("You may not see reports for this area."))
    return wanted

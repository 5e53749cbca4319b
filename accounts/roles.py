"""Who a person is on the platform: the roles, each a Django group.

The bottom of the dependency graph: `cms` and `lms` ask these questions, this module
imports neither. Group names are data seen in the admin and stay Vietnamese.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CENTRE_STAFF = "centre_staff", _("Centre staff")
    VILLAGE_OFFICER = "village_officer", _("Village officer")
    COMMUNE_OFFICER = "commune_officer", _("Commune officer")
    PROVINCE_OFFICER = "province_officer", _("Province officer")
    LIBRARY_EDITOR = "library_editor", _("Library editor")
    UNIVERSITY_CONTRIBUTOR = "university_contributor", _("University contributor")


GROUP_NAMES = {
    Role.CENTRE_STAFF: "Cán bộ trung tâm HTCĐ",
    Role.VILLAGE_OFFICER: "Cán bộ thôn / Chi hội khuyến học",
    Role.COMMUNE_OFFICER: "Cán bộ xã / Khuyến học xã",
    Role.PROVINCE_OFFICER: "Cán bộ tỉnh / Sở GD&ĐT",
    Role.LIBRARY_EDITOR: "Biên tập viên thư viện học liệu mở",
    Role.UNIVERSITY_CONTRIBUTOR: "Cộng tác viên trường đại học",
}
_ROLE_BY_GROUP = {name: role for role, name in GROUP_NAMES.items()}


def group_for(role: Role) -> Group:
    return Group.objects.get_or_create(name=GROUP_NAMES[role])[0]


def roles_of(user) -> frozenset[Role]:
    """The user's roles, read once per user object (one query per request)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_roles", None)
    if cached is None:
        names = user.groups.filter(name__in=GROUP_NAMES.values()).values_list(
            "name", flat=True
        )
        cached = user._roles = frozenset(_ROLE_BY_GROUP[name] for name in names)
    return cached


def has_role(user, role: Role) -> bool:
    return role in roles_of(user)


def forget_roles(user) -> None:
    """Drop what was read about the user, after their groups or place changed."""
    for attribute in ("_roles", "_place"):
        user.__dict__.pop(attribute, None)

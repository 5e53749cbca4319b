"""Staff roles, each a Django group with its Wagtail permissions.

Scope comes from the person's record: centre staff and commune officers act in their
commune, province officers in its province, contributors for their institution.
"""

from django.contrib.auth.models import Group, Permission
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page
from wagtail.models.media import Collection


class Role(models.TextChoices):
    CENTRE_STAFF = "centre_staff", _("Centre staff")
    COMMUNE_OFFICER = "commune_officer", _("Commune officer")
    PROVINCE_OFFICER = "province_officer", _("Province officer")
    UNIVERSITY_CONTRIBUTOR = "university_contributor", _("University contributor")


# Group names are data seen in the admin; they stay Vietnamese whatever the UI language.
GROUP_NAMES = {
    Role.CENTRE_STAFF: "Cán bộ trung tâm HTCĐ",
    Role.COMMUNE_OFFICER: "Cán bộ xã / Khuyến học xã",
    Role.PROVINCE_OFFICER: "Cán bộ tỉnh / Sở GD&ĐT",
    Role.UNIVERSITY_CONTRIBUTOR: "Cộng tác viên trường đại học",
}

_PAGE_PERMISSIONS = {
    Role.CENTRE_STAFF: ["add_page", "change_page", "publish_page"],
    Role.COMMUNE_OFFICER: ["add_page", "change_page", "publish_page"],
    Role.PROVINCE_OFFICER: ["add_page", "change_page", "publish_page", "lock_page"],
    # Contributors get page rights only under their institution's library section.
    Role.UNIVERSITY_CONTRIBUTOR: [],
}
_COLLECTION_PERMISSIONS = [
    "add_image",
    "choose_image",
    "add_document",
    "choose_document",
]


def group_for(role: Role) -> Group:
    return Group.objects.get(name=GROUP_NAMES[role])


def group_names(user) -> frozenset[str]:
    """The user's group names, read once per user object (one query per request)."""
    names = getattr(user, "_group_names", None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        user._group_names = names
    return names


def has_role(user, role: Role) -> bool:
    return user.is_authenticated and GROUP_NAMES[role] in group_names(user)


@transaction.atomic
def sync_role_groups() -> None:
    """Create the role groups and grant their permissions; safe to run again."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    collection_perms = list(
        Permission.objects.filter(codename__in=_COLLECTION_PERMISSIONS)
    )
    for role, name in GROUP_NAMES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        if role == Role.UNIVERSITY_CONTRIBUTOR:
            # Their institution's group grants its own collection (cms.review);
            # the root would show them every other institution's files.
            GroupCollectionPermission.objects.filter(
                group=group, collection=root_collection
            ).delete()
        else:
            for permission in collection_perms:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
        if root_page is None:
            continue
        for codename in _PAGE_PERMISSIONS[role]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )

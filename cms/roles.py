"""The role groups' Wagtail rights: opening the admin, and nothing by themselves.

Who has which role is `accounts.roles`; where they may act is `cms.place_rights`, whose
place groups carry every page and collection right. A role group holds no page or
collection right, so a role without a place (staff with no commune) reaches nothing.
"""

from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from accounts.roles import Role, group_for
from cms.place_rights import sync_place_groups

# Village officers work in the recognition screens, never in the Wagtail admin.
ADMIN_ROLES = frozenset(Role) - {Role.VILLAGE_OFFICER}
# Dubbed tracks and subtitles of the videos whose collection lets them change them
# (cms.add_media_track, asked by the admin forms and listings).
MEDIA_LANGUAGE_PERMISSIONS = [
    ("cms", f"{action}_{model}")
    for model in ("audiotrack", "mediacaption")
    for action in ("add", "change", "delete", "view")
]
# Model rights a role holds everywhere; the objects are then limited by place.
MODEL_PERMISSIONS = {
    Role.CENTRE_STAFF: [
        ("lms", "add_quiz"),
        ("lms", "change_quiz"),
        ("lms", "delete_quiz"),
        ("lms", "view_quiz"),
        # Translating a page of their centre; which pages is left to place rights.
        ("simple_translation", "submit_translation"),
        *MEDIA_LANGUAGE_PERMISSIONS,
    ],
    Role.COMMUNE_OFFICER: [
        ("simple_translation", "submit_translation"),
        *MEDIA_LANGUAGE_PERMISSIONS,
    ],
    Role.UNIVERSITY_CONTRIBUTOR: MEDIA_LANGUAGE_PERMISSIONS,
}


@transaction.atomic
def sync_role_groups() -> None:
    """Create the role groups, give them admin access only; safe to run again.

    Removes the page and collection rights older versions granted at the root.
    """
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    groups = [group_for(role) for role in Role]
    GroupPagePermission.objects.filter(group__in=groups).delete()
    GroupCollectionPermission.objects.filter(group__in=groups).delete()
    for role, group in zip(Role, groups, strict=True):
        if role in ADMIN_ROLES:
            group.permissions.add(access_admin)
        else:
            group.permissions.remove(access_admin)
        for app_label, codename in MODEL_PERMISSIONS.get(role, []):
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)
    sync_place_groups()

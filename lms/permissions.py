"""Who may see and manage whose learning records."""

from django.core.exceptions import PermissionDenied

from cms.models import Centre
from cms.roles import Role, has_role
from lms.models import User

STAFF_ROLES = (Role.CENTRE_STAFF, Role.COMMUNE_OFFICER)


def is_commune_staff(user: User) -> bool:
    """Centre staff or a commune officer, attached to a commune."""
    return bool(
        user.is_authenticated
        and user.commune_id
        and any(has_role(user, role) for role in STAFF_ROLES)
    )


def staff_centre(user: User) -> Centre:
    """The centre a staff member manages; PermissionDenied for anyone else."""
    if not is_commune_staff(user):
        raise PermissionDenied
    centre = Centre.objects.filter(commune_id=user.commune_id).first()
    if centre is None:
        raise PermissionDenied
    return centre


def can_see_learner(viewer: User, learner: User) -> bool:
    """A person sees their own records; staff see the residents of their commune."""
    if viewer.pk == learner.pk:
        return True
    return is_commune_staff(viewer) and viewer.commune_id == learner.commune_id

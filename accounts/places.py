"""Where a person acts: their commune, village, province and institution.

Read from the user's own record (duck-typed: this module imports no app's models), once
per user object.
"""

from dataclasses import dataclass

from .roles import Role, has_role


@dataclass(frozen=True)
class Place:
    """Where a user acts; province and institution only where a role needs them."""

    commune_id: int | None = None
    village_id: int | None = None
    province_id: int | None = None
    institution_id: int | None = None


NOWHERE = Place()


def place_of(user) -> Place:
    if not user.is_authenticated:
        return NOWHERE
    cached = getattr(user, "_place", None)
    if cached is None:
        # Only province officers act by province: others are spared the query.
        province_officer = has_role(user, Role.PROVINCE_OFFICER) and user.commune_id
        commune = user.commune if province_officer else None
        profile = (
            getattr(user, "contributor_profile", None)
            if has_role(user, Role.UNIVERSITY_CONTRIBUTOR)
            else None
        )
        cached = user._place = Place(
            commune_id=user.commune_id,
            village_id=user.village_id,
            province_id=commune.province_id if commune else None,
            institution_id=profile.institution_id if profile else None,
        )
    return cached

"""The vocabulary every permission is written in: who a person is and where they act.

Each app declares its own permissions in its `rules.py` from these predicates, and
everyone asks them the same way: ``user.has_perm("recognition.verify_dossier", obj)``.
A role counts only together with its place: centre staff without a commune act nowhere.
"""

import rules

from .places import place_of
from .roles import Role, has_role

# Every predicate returns a real bool: django-rules reads None as "skip me", which
# would let `a & b` pass on `b` alone.


@rules.predicate
def is_admin(user) -> bool:
    return bool(user.is_active and user.is_superuser)


def _role_in_place(role: Role, place_attribute: str):
    def check(user) -> bool:
        return bool(has_role(user, role) and getattr(place_of(user), place_attribute))

    return rules.predicate(check, name=f"is_{role.value}")


is_centre_staff = _role_in_place(Role.CENTRE_STAFF, "commune_id")
is_village_officer = _role_in_place(Role.VILLAGE_OFFICER, "village_id")
is_commune_officer = _role_in_place(Role.COMMUNE_OFFICER, "commune_id")
is_province_officer = _role_in_place(Role.PROVINCE_OFFICER, "province_id")
is_contributor = _role_in_place(Role.UNIVERSITY_CONTRIBUTOR, "institution_id")
is_library_editor = rules.predicate(
    lambda user: has_role(user, Role.LIBRARY_EDITOR), name="is_library_editor"
)
is_officer = is_village_officer | is_commune_officer | is_province_officer
is_commune_staff = is_centre_staff | is_commune_officer


# Place tests: does the user act, through one of the given roles, in this place?
def commune_staff_of(user, commune_id) -> bool:
    """Centre staff or commune officer of this commune."""
    return bool(
        commune_id
        and is_commune_staff(user)
        and place_of(user).commune_id == commune_id
    )


def centre_staff_of(user, commune_id) -> bool:
    return bool(
        commune_id and is_centre_staff(user) and place_of(user).commune_id == commune_id
    )


def commune_officer_of(user, commune_id) -> bool:
    return bool(
        commune_id
        and is_commune_officer(user)
        and place_of(user).commune_id == commune_id
    )


def village_officer_of(user, village_id) -> bool:
    return bool(
        village_id
        and is_village_officer(user)
        and place_of(user).village_id == village_id
    )


def province_officer_of(user, province_id) -> bool:
    return bool(
        province_id
        and is_province_officer(user)
        and place_of(user).province_id == province_id
    )

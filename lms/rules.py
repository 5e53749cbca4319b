"""Who may manage whose learning records (see shared ROLES.md).

Centre staff of a commune run its classes, attendance, enrolling lists, certificates
and temporary passwords, for the residents of that commune only. A person always sees
their own records; nobody acts as them.
"""

import rules

from accounts.predicates import centre_staff_of, is_admin, is_centre_staff
from accounts.roles import roles_of


@rules.predicate
def is_self(user, person) -> bool:
    return user.is_authenticated and user.pk == person.pk


@rules.predicate
def staff_of_residence(user, person) -> bool:
    """Centre staff of the commune where the person lives."""
    return centre_staff_of(user, person.commune_id)


@rules.predicate
def is_plain_resident(_user, person) -> bool:
    """An active resident account: no role, not staff, not an admin."""
    return bool(
        person.is_active
        and not (person.is_staff or person.is_superuser)
        and not roles_of(person)
        and not person.groups.exists()
    )


@rules.predicate
def runs_centre(user, centre) -> bool:
    return centre_staff_of(user, centre.commune_id)


@rules.predicate
def may_see_learner_of(user, record) -> bool:
    """For a record that belongs to a learner (certificate, enrolment)."""
    learner = record.learner
    return is_self(user, learner) or staff_of_residence(user, learner)


rules.add_perm("lms.view_learner_records", is_self | staff_of_residence)
rules.add_perm("lms.view_certificate", may_see_learner_of)
rules.add_perm("lms.manage_centre", runs_centre | is_admin)
rules.add_perm(
    "lms.reset_password",
    staff_of_residence & is_plain_resident & ~is_self,
)
rules.add_perm("lms.use_staff_pages", is_centre_staff)

"""Who may manage whose learning records (see shared ROLES.md).

Centre staff of a commune run its classes, attendance, enrolling lists, certificates
and temporary passwords, for the residents of that commune only. A person always sees
their own records; nobody acts as them.
"""

import rules

from accounts.predicates import (
    centre_staff_of,
    commune_staff_of,
    is_admin,
    is_centre_staff,
    is_commune_staff,
)
from accounts.roles import roles_of
from cms.course_tree import centre_page_of


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


# The staff "new video lesson" flow (lms/lesson_flow): a person acts on a centre's
# courses and lessons only where the place predicates say they work there AND
# Wagtail's page rights (cms.place_rights) let them, so the flow never offers what
# the admin would refuse.
def _centre_commune_id(page) -> int | None:
    centre = getattr(page, "centre", None)
    return centre.commune_id if centre is not None else None


@rules.predicate
def works_at_course_centre(user, course) -> bool:
    return commune_staff_of(user, _centre_commune_id(course))


@rules.predicate
def may_add_lesson_under(user, course) -> bool:
    return user.has_perm("cms.add_subpage", course)


@rules.predicate
def works_at_lesson_centre(user, lesson) -> bool:
    course = lesson.get_parent().specific
    return commune_staff_of(user, _centre_commune_id(course))


@rules.predicate
def may_edit_lesson(user, lesson) -> bool:
    return user.has_perm("cms.change_page", lesson)


@rules.predicate
def works_at_centre(user, centre) -> bool:
    return commune_staff_of(user, centre.commune_id)


rules.add_perm("lms.use_lesson_flow", is_commune_staff)
rules.add_perm(
    "lms.add_lesson_to_course", works_at_course_centre & may_add_lesson_under
)
rules.add_perm("lms.change_flow_lesson", works_at_lesson_centre & may_edit_lesson)


@rules.predicate
def may_add_under_centre_page(user, centre) -> bool:
    page = centre_page_of(centre)
    return page is not None and user.has_perm("cms.add_subpage", page)


rules.add_perm("lms.add_course_in_centre", works_at_centre & may_add_under_centre_page)

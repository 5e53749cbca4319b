"""Who may see, register, verify and recognise which dossier (see shared ROLES.md).

Declared once with the predicates of `accounts`, asked everywhere as
``user.has_perm("recognition.verify_dossier", dossier)``. Separation of duties: nobody
verifies or recognises a dossier they are party to (the subject, a member of the
household, clan or unit, its representative, or the person who registered it).
"""

import rules
from django.db.models import Q

from accounts.places import place_of
from accounts.predicates import (
    centre_staff_of,
    commune_officer_of,
    is_admin,
    is_centre_staff,
    is_commune_officer,
    is_officer,
    is_province_officer,
    is_village_officer,
    province_officer_of,
    village_officer_of,
)
from lms.recognition.constants import LearningModel
from lms.recognition.models import ClanHousehold, HouseholdMembership, UnitMembership

# A village officer checks the people and households of the village, nothing wider.
VILLAGE_MODELS = frozenset({LearningModel.CITIZEN, LearningModel.FAMILY})


def _province_id(dossier):
    return dossier.commune.province_id


def decided_by_province(dossier) -> bool:
    """Commune communities (TT 25) and province-level units (TT 24)."""
    if dossier.model == LearningModel.COMMUNE:
        return True
    return bool(
        dossier.model == LearningModel.UNIT
        and dossier.unit_id
        and dossier.unit.province_level
    )


def spokespeople(dossier) -> set:
    """Who speaks for the subject: the person, head, representative, registrant."""
    ids = {dossier.registered_by_id, dossier.person_id}
    if dossier.household_id:
        ids.add(dossier.household.head_id)
    if dossier.clan_id:
        ids.add(dossier.clan.representative_id)
    if dossier.unit_id:
        ids.add(dossier.unit.head_id)
    return ids - {None}


@rules.predicate
def speaks_for(user, dossier) -> bool:
    return user.is_authenticated and user.pk in spokespeople(dossier)


@rules.predicate
def is_party_to(user, dossier) -> bool:
    """The user is the subject, belongs to it, represents it, or registered it."""
    if not user.is_authenticated:
        return False
    if user.pk in spokespeople(dossier):
        return True
    if dossier.household_id:
        return HouseholdMembership.objects.filter(
            household_id=dossier.household_id, person_id=user.pk
        ).exists()
    if dossier.clan_id:
        households = ClanHousehold.objects.filter(clan_id=dossier.clan_id).values(
            "household_id"
        )
        return HouseholdMembership.objects.filter(
            household_id__in=households, person_id=user.pk
        ).exists()
    if dossier.unit_id:
        return UnitMembership.objects.filter(
            unit_id=dossier.unit_id, person_id=user.pk
        ).exists()
    return False


@rules.predicate
def verifies_here(user, dossier) -> bool:
    """Village officer of V for its citizens and families; commune officer of C."""
    if dossier.model in VILLAGE_MODELS and village_officer_of(user, dossier.village_id):
        return True
    return commune_officer_of(user, dossier.commune_id) or is_admin(user)


@rules.predicate
def recognises_here(user, dossier) -> bool:
    if is_admin(user):
        return True
    if decided_by_province(dossier):
        return province_officer_of(user, _province_id(dossier))
    return commune_officer_of(user, dossier.commune_id)


@rules.predicate
def registers_here(user, dossier) -> bool:
    """Centre staff of C register and self-assess on a resident's behalf."""
    return centre_staff_of(user, dossier.commune_id)


@rules.predicate
def oversees(user, dossier) -> bool:
    """Officers and staff who follow the dossier in their place (read only)."""
    return (
        verifies_here(user, dossier)
        or recognises_here(user, dossier)
        or registers_here(user, dossier)
        or province_officer_of(user, _province_id(dossier))
    )


rules.add_perm("recognition.view_dossier", speaks_for | oversees)
rules.add_perm("recognition.edit_answers", speaks_for | registers_here)
rules.add_perm(
    "recognition.view_evidence", speaks_for | verifies_here | recognises_here
)
rules.add_perm("recognition.verify_dossier", verifies_here & ~is_party_to)
rules.add_perm("recognition.recognise_dossier", recognises_here & ~is_party_to)
rules.add_perm("recognition.revoke_dossier", recognises_here & ~is_party_to)


@rules.predicate
def decision_in_place(user, decision) -> bool:
    """Officers and centre staff of the decision's commune (its village officers
    included) and of its province: those who carry out or report on it."""
    commune_id = decision.commune_id
    return bool(
        commune_officer_of(user, commune_id)
        or centre_staff_of(user, commune_id)
        or (is_village_officer(user) and place_of(user).commune_id == commune_id)
        or province_officer_of(user, decision.commune.province_id)
    )


@rules.predicate
def recognised_by(user, decision) -> bool:
    """The user speaks for one of the subjects the decision recognised."""
    if not user.is_authenticated:
        return False
    return decision.dossiers.filter(
        Q(person_id=user.pk)
        | Q(registered_by_id=user.pk)
        | Q(household__head_id=user.pk)
        | Q(clan__representative_id=user.pk)
        | Q(unit__head_id=user.pk)
    ).exists()


rules.add_perm(
    "recognition.view_decision", is_admin | decision_in_place | recognised_by
)
# The register of decisions (sổ quyết định) is a tool of the officers' and staff's
# pages: residents reach their own decisions from their dossiers, never from a list.
rules.add_perm(
    "recognition.view_decision_register", is_officer | is_centre_staff | is_admin
)


def visible_decisions(user) -> Q:
    """A filter for the decisions the register lists to an officer or staff member.

    The queryset face of ``is_admin | decision_in_place``; tests/lms/recognition/
    test_decision_register.py holds them equal.
    """
    if is_admin(user):
        return Q()
    place = place_of(user)
    visible = Q(pk__in=[])
    if is_province_officer(user):
        visible |= Q(commune__province_id=place.province_id)
    if place.commune_id and (
        commune_officer_of(user, place.commune_id)
        or centre_staff_of(user, place.commune_id)
        or is_village_officer(user)
    ):
        visible |= Q(commune_id=place.commune_id)
    return visible


# Without an object: may the user open the officers' pages at all?
may_follow_dossiers = is_officer | is_centre_staff | is_admin
rules.add_perm("recognition.view_queue", may_follow_dossiers)
rules.add_perm("recognition.run_evaluation", is_officer | is_admin)
rules.add_perm("recognition.register_on_behalf", is_centre_staff | is_commune_officer)


@rules.predicate
def may_register_for(user, subject) -> bool:
    """The subject's own spokesperson, or centre staff of its commune."""
    owner = subject.owner
    if owner is not None and owner.pk == user.pk:
        return True
    if subject.kind in ("village", "commune") and commune_officer_of(
        user, subject.commune.pk
    ):
        return True
    return centre_staff_of(user, subject.commune.pk) or is_admin(user)


rules.add_perm("recognition.register_dossier", may_register_for)

# Criteria sets are national data; province officers keep them (thresholds are the
# province's to confirm), others read them in the admin.
_criteria_editors = is_province_officer | is_admin
_criteria_readers = _criteria_editors | is_officer | is_centre_staff
for _model in ("criteriaset", "criterion", "indicator"):
    for _action in ("add", "change"):
        rules.add_perm(f"recognition.{_action}_{_model}", _criteria_editors)
    rules.add_perm(f"recognition.view_{_model}", _criteria_readers)


@rules.predicate
def keeps_authority(user, authority=None) -> bool:
    """Province officers keep their province's authorities; admins the defaults."""
    if is_admin(user):
        return True
    if authority is None:
        return is_province_officer(user)
    return province_officer_of(user, authority.province_id)


for _action in ("add", "change", "delete", "view"):
    rules.add_perm(f"recognition.{_action}_recognisingauthority", keeps_authority)


def visible_dossiers(user) -> Q:
    """A filter for the dossiers the user follows as an officer or staff member.

    The queryset face of ``oversees``; tests/test_permission_matrix.py holds them equal.
    """
    if is_admin(user):
        return Q()
    place = place_of(user)
    visible = Q(pk__in=[])
    if is_province_officer(user):
        visible |= Q(commune__province_id=place.province_id)
    if commune_officer_of(user, place.commune_id) or centre_staff_of(
        user, place.commune_id
    ):
        visible |= Q(commune_id=place.commune_id)
    if village_officer_of(user, place.village_id):
        visible |= Q(village_id=place.village_id, model__in=list(VILLAGE_MODELS))
    return visible

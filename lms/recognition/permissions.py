"""Who may see, verify and recognise which dossiers, by level of government.

A village officer (chi hội khuyến học) checks the citizens and families of their
village but never recognises. Centre staff and commune officers act in their
commune; only commune officers recognise there. Province officers act across their
province, recognise commune communities and province units, and edit criteria.
"""

from enum import IntEnum

from django.contrib.auth.models import Group
from django.db.models import Q

from cms.roles import GROUP_NAMES, Role, group_names
from lms.recognition.constants import LearningModel

VILLAGE_OFFICER_GROUP = "Cán bộ thôn / Chi hội khuyến học"

VILLAGE_MODELS = {LearningModel.CITIZEN, LearningModel.FAMILY}


class Level(IntEnum):
    NONE = 0
    VILLAGE = 1
    CENTRE = 2
    COMMUNE = 3
    PROVINCE = 4
    NATIONAL = 5


def village_officer_group() -> Group:
    return Group.objects.get_or_create(name=VILLAGE_OFFICER_GROUP)[0]


def officer_level(user) -> Level:
    """The highest recognition level the user acts at (cached on the user)."""
    if not user.is_authenticated:
        return Level.NONE
    cached = getattr(user, "_recognition_level", None)
    if cached is not None:
        return cached
    if user.is_superuser:
        level = Level.NATIONAL
    else:
        names = group_names(user)
        if GROUP_NAMES[Role.PROVINCE_OFFICER] in names and user.commune_id:
            level = Level.PROVINCE
        elif GROUP_NAMES[Role.COMMUNE_OFFICER] in names and user.commune_id:
            level = Level.COMMUNE
        elif GROUP_NAMES[Role.CENTRE_STAFF] in names and user.commune_id:
            level = Level.CENTRE
        elif VILLAGE_OFFICER_GROUP in names and user.village_id:
            level = Level.VILLAGE
        else:
            level = Level.NONE
    user._recognition_level = level
    return level


def _province_id(user):
    return user.commune.province_id if user.commune_id else None


def dossier_scope(user) -> Q:
    """A filter for the dossiers the user may see as an officer."""
    level = officer_level(user)
    if level == Level.NATIONAL:
        return Q()
    if level == Level.PROVINCE:
        return Q(commune__province_id=_province_id(user))
    if level in (Level.COMMUNE, Level.CENTRE):
        return Q(commune_id=user.commune_id)
    if level == Level.VILLAGE:
        return Q(village_id=user.village_id, model__in=list(VILLAGE_MODELS))
    return Q(pk__in=[])


def in_scope(user, dossier) -> bool:
    level = officer_level(user)
    if level == Level.NATIONAL:
        return True
    if level == Level.PROVINCE:
        return dossier.commune.province_id == _province_id(user)
    if level in (Level.COMMUNE, Level.CENTRE):
        return dossier.commune_id == user.commune_id
    if level == Level.VILLAGE:
        return dossier.village_id == user.village_id and dossier.model in VILLAGE_MODELS
    return False


def _recognising_level(dossier) -> Level:
    """The level whose officers decide on this dossier."""
    if dossier.model == LearningModel.COMMUNE:
        return Level.PROVINCE
    if (
        dossier.model == LearningModel.UNIT
        and dossier.unit_id
        and dossier.unit.province_level
    ):
        return Level.PROVINCE
    return Level.COMMUNE


def can_verify(user, dossier) -> bool:
    return in_scope(user, dossier)


def can_recognise(user, dossier) -> bool:
    level = officer_level(user)
    return (
        level >= Level.COMMUNE
        and level >= _recognising_level(dossier)
        and in_scope(user, dossier)
    )


def can_view(user, dossier) -> bool:
    """Officers in scope, the person, the head of household, unit head, clan rep."""
    if in_scope(user, dossier):
        return True
    return user.is_authenticated and user.pk in _owner_ids(dossier)


def _owner_ids(dossier) -> set:
    ids = {dossier.registered_by_id, dossier.person_id}
    if dossier.household_id:
        ids.add(dossier.household.head_id)
    if dossier.clan_id:
        ids.add(dossier.clan.representative_id)
    if dossier.unit_id:
        ids.add(dossier.unit.head_id)
    return ids - {None}


def can_edit_answers(user, dossier) -> bool:
    return user.is_authenticated and (
        user.pk in _owner_ids(dossier) or in_scope(user, dossier)
    )


def can_register_on_behalf(user, commune) -> bool:
    level = officer_level(user)
    if level == Level.NATIONAL:
        return True
    if level == Level.PROVINCE:
        return commune.province_id == _province_id(user)
    if level >= Level.VILLAGE:
        return commune.pk == user.commune_id
    return False


def can_edit_criteria(user) -> bool:
    return officer_level(user) >= Level.PROVINCE


def is_officer(user) -> bool:
    return officer_level(user) > Level.NONE

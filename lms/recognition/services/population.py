"""Loading who and what a run evaluates: a fixed number of queries per batch.

Residents come from ``lms.residents.residents`` (the one definition of who counts),
titles held from ``selectors.holds_title`` (recognised by a decision); what
"meets the criteria" is read from the stored evaluations of subjects a run does
not evaluate itself. Members of households, clans and units are their current
members (membership defines those populations).
"""

import datetime
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db.models import BooleanField, ExpressionWrapper

from cms.models import Village
from lms.recognition.models import (
    ClanHousehold,
    Dossier,
    Evaluation,
    HouseholdMembership,
    UnitMembership,
    subject_key,
)
from lms.recognition.selectors import holds_title, title_holders
from lms.recognition.services.rollups import Standing
from lms.residents import residents

PERSON_FIELDS = ("pk", "full_name", "username", "birth_year", "village_id")


def year_end(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


def commune_residents(*, commune, year: int):
    """The commune's residents in ``year``, by id."""
    return residents(commune=commune, on=year_end(year)).order_by("pk")


def resident_rows(*, commune, year: int) -> list[tuple]:
    """(pk, full_name, username, birth_year, village_id, target_group) per resident."""
    return list(
        commune_residents(commune=commune, year=year).values_list(
            *PERSON_FIELDS, "target_group"
        )
    )


def person_rows(ids) -> list[tuple]:
    """(pk, full_name, username, birth_year, village_id) of the given people."""
    return list(get_user_model().objects.filter(pk__in=ids).values_list(*PERSON_FIELDS))


def dossiers(*, model: str, year: int, commune) -> dict[str, dict]:
    """The commune's dossiers of a model for the year, by subject key, with
    ``held``: whether the dossier gives its subject the title."""
    rows = (
        Dossier.objects.filter(model=model, year=year, commune=commune)
        .annotate(held=ExpressionWrapper(holds_title(), output_field=BooleanField()))
        .values("id", "subject_key", "status", "criteria_set_id", "held")
    )
    return {row["subject_key"]: row for row in rows}


def standings(*, model: str, kind: str, year: int, pks) -> dict[int, Standing]:
    """Title held, or criteria met by the stored evaluation, of subjects by pk."""
    keys = {subject_key(kind, pk): pk for pk in pks}
    held = title_holders(model=model, year=year, keys=keys)
    passing = set(
        Evaluation.objects.filter(
            model=model, year=year, subject_key__in=list(keys), passed=True
        ).values_list("subject_key", flat=True)
    )
    return {
        pk: Standing(holds_title=key in held, meets=key in passing)
        for key, pk in keys.items()
    }


def household_members(household_ids) -> dict[int, list[int]]:
    members = defaultdict(list)
    for household_id, person_id in HouseholdMembership.objects.filter(
        household_id__in=list(household_ids), left_on__isnull=True
    ).values_list("household_id", "person_id"):
        members[household_id].append(person_id)
    return members


def clan_households(clan_ids) -> dict[int, list[int]]:
    links = defaultdict(list)
    for clan_id, household_id in ClanHousehold.objects.filter(
        clan_id__in=list(clan_ids)
    ).values_list("clan_id", "household_id"):
        links[clan_id].append(household_id)
    return links


def unit_members(units) -> dict[int, list[int]]:
    members = defaultdict(list)
    for unit_id, person_id in UnitMembership.objects.filter(
        unit__in=units, left_on__isnull=True
    ).values_list("unit_id", "person_id"):
        members[unit_id].append(person_id)
    return members


def households(commune) -> list[tuple[int, int | None]]:
    """(pk, village_id) of the commune's households."""
    return list(commune.households.values_list("pk", "village_id"))


def clans(commune) -> list[tuple[int, int | None]]:
    return list(commune.clans.values_list("pk", "village_id"))


def villages(commune) -> list:
    return list(Village.objects.filter(commune=commune))


def units(commune) -> list:
    """Every unit of the commune, commune- and province-level (as the reports)."""
    return list(commune.learning_units.all())


def subject_members(*, kind: str, pk: int) -> list[int]:
    """The person ids of a household's, clan's or unit's current members.

    Villages and communes list none: their population is every resident there,
    not a membership roll.
    """
    if kind == "household":
        return household_members([pk])[pk]
    if kind == "clan":
        return [
            person
            for people in household_members(clan_households([pk])[pk]).values()
            for person in people
        ]
    if kind == "unit":
        return unit_members([pk])[pk]
    return []

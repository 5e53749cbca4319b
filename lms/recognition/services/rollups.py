"""Roll-up rules: the figures of a subject made of its members, as pure functions.

Every function here takes what the population loading fetched (people and the
standing of households, villages, clans and units) and returns a snapshot's
``metrics`` and ``sources``; no query, no clock. A member counts in a title share
when it holds the title (recognised by a decision: ``selectors.holds_title``);
members that meet the criteria but hold no title yet are told apart in the sources
("awaiting") and never added to the share. Each model's rule computes exactly the
metrics ``constants.MODEL_METRICS`` offers it, so an officer may add an indicator
on any of them without code.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from lms.recognition.constants import ADULT_AGE, Metric
from lms.residents import of_age

MAX_NAMES = 30

Figures = tuple[dict[str, float | None], dict[str, tuple[str, ...]]]


@dataclass(slots=True)
class Person:
    name: str
    birth_year: int | None
    village_id: int | None
    learned: bool
    # Holds the learning-citizen title (recognised by a decision).
    holds_title: bool
    # Meets the criteria now (this run's or a stored evaluation).
    meets: bool = False


@dataclass(frozen=True, slots=True)
class Standing:
    """A household's, village's, clan's or unit's title, or its awaiting one."""

    holds_title: bool = False
    meets: bool = False


NONE = Standing()


def facts_metrics(facts) -> dict[str, float]:
    """A person's computed figures for a year from their learning facts."""
    return {
        Metric.LEARNING_HOURS: round(facts.total_hours, 2),
        Metric.ONLINE_HOURS: facts.online_hours,
        Metric.IN_PERSON_HOURS: facts.in_person_hours,
        Metric.COURSES_COMPLETED: facts.courses_completed,
        Metric.CERTIFICATES: facts.certificates,
        Metric.CLASSES_ATTENDED: facts.classes_attended,
    }


def learned(facts) -> bool:
    return bool(
        facts.total_hours > 0 or facts.courses_completed or facts.classes_attended
    )


def adults(people: Iterable[Person], year: int) -> list[Person]:
    """Those of ``people`` who are adults in ``year`` (the resident rule of age)."""
    end = datetime.date(year, 12, 31)
    return [p for p in people if of_age(p.birth_year, on=end, min_age=ADULT_AGE)]


def share(members: Sequence, test) -> tuple[float | None, tuple[str, ...]]:
    """Percentage of ``members`` passing ``test``, and who counted (names)."""
    if not members:
        return None, ()
    met = [m for m in members if test(m)]
    value = round(100 * len(met) / len(members), 2)
    names = tuple(f"✓ {m.name}" for m in met[:MAX_NAMES])
    return value, (f"{len(met)}/{len(members)}", *names)


def awaiting_text(count: int) -> str:
    return _("%(count)s more meet the criteria, awaiting verification") % {
        "count": count
    }


def title_share(
    members: Sequence, *, names: bool = True
) -> tuple[float | None, tuple[str, ...]]:
    """Percentage of ``members`` holding the title; those awaiting told apart."""
    if not members:
        return None, ()
    held = [m for m in members if m.holds_title]
    awaiting = sum(1 for m in members if m.meets and not m.holds_title)
    source = [f"{len(held)}/{len(members)}"]
    if awaiting:
        source.append(awaiting_text(awaiting))
    if names:
        source += [f"✓ {m.name}" for m in held[:MAX_NAMES]]
    return round(100 * len(held) / len(members), 2), tuple(source)


def _figures(pairs: dict) -> Figures:
    metrics = {metric: value for metric, (value, _source) in pairs.items()}
    sources = {metric: source for metric, (_value, source) in pairs.items()}
    return metrics, sources


def family(adult_members: Sequence[Person]) -> Figures:
    """A household from its current adult members."""
    return _figures(
        {
            Metric.ADULTS_LEARNING_SHARE: share(adult_members, lambda p: p.learned),
            Metric.ADULTS_CITIZEN_SHARE: title_share(adult_members),
        }
    )


def clan(households: Sequence[Standing], adult_members: Sequence[Person]) -> Figures:
    """A clan from its households and their adult members."""
    return _figures(
        {
            Metric.HOUSEHOLDS_FAMILY_SHARE: title_share(households, names=False),
            Metric.ADULTS_CITIZEN_SHARE: title_share(adult_members),
            Metric.ADULTS_LEARNING_SHARE: share(adult_members, lambda p: p.learned),
        }
    )


def village(
    households: Sequence[Standing], adult_residents: Sequence[Person]
) -> Figures:
    """A village from its households and its adult residents."""
    return clan(households, adult_residents)


def unit(members: Sequence[Person]) -> Figures:
    """A unit from its current members, whatever their age."""
    return _figures({Metric.MEMBERS_CITIZEN_SHARE: title_share(members)})


def commune(
    *,
    households: Sequence[Standing],
    villages: Sequence[Standing],
    clans: Sequence[Standing],
    units: Sequence[Standing],
    adult_residents: Sequence[Person],
) -> Figures:
    """The commune (TT 25/2023 criterion 5) from every subject it has."""
    learning_value, learning_source = share(adult_residents, lambda p: p.learned)
    return _figures(
        {
            Metric.HOUSEHOLDS_FAMILY_SHARE: title_share(households, names=False),
            Metric.VILLAGES_COMMUNITY_SHARE: title_share(villages, names=False),
            Metric.CLANS_CLAN_SHARE: title_share(clans, names=False),
            Metric.UNITS_UNIT_SHARE: title_share(units, names=False),
            Metric.ADULTS_CITIZEN_SHARE: title_share(adult_residents, names=False),
            Metric.ADULTS_LEARNING_SHARE: (learning_value, learning_source[:1]),
        }
    )

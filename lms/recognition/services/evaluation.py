"""Bulk evaluation of a commune for a year, and live evaluation of one subject.

Data is fetched once per run or per batch, whatever its size (the commune's
learning facts through ``lms.selectors.residents_learning_year_facts``), evaluated
with the pure engine, and written by ``evaluation_store`` with one upsert per batch
on the unique (model, year, subject) that skips unchanged results, so a second run
rewrites nothing. Subjects whose dossier is recognised or revoked are
left as they are: their result was frozen at the decision.
"""

import gc
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone

from cms.models import Village
from lms.recognition.constants import (
    ADULT_AGE,
    DossierStatus,
    LearningModel,
    Metric,
    Scope,
)
from lms.recognition.criteria import Result, Snapshot, evaluate
from lms.recognition.criteria.snapshot import result_from_json
from lms.recognition.models import (
    ClanHousehold,
    CriteriaSet,
    Dossier,
    Evaluation,
    HouseholdMembership,
    UnitMembership,
    subject_key,
)
from lms.recognition.selectors import SpecCache, declared_answers, set_spec
from lms.recognition.services.evaluation_store import (
    EvaluationRow,
    digest_of,
    explanation_text,
    store_evaluations,
)
from lms.recognition.subjects import citizen_scope
from lms.selectors import (
    NO_FACTS,
    learning_year_detail,
    learning_year_facts,
    residents_learning_year_facts,
)

FROZEN = {DossierStatus.RECOGNISED, DossierStatus.REVOKED}
ORDER = [
    LearningModel.CITIZEN,
    LearningModel.FAMILY,
    LearningModel.CLAN,
    LearningModel.COMMUNITY,
    LearningModel.UNIT,
    LearningModel.COMMUNE,
]
MAX_NAMES = 30


def facts_metrics(facts) -> dict[str, float]:
    return {
        Metric.LEARNING_HOURS: round(facts.total_hours, 2),
        Metric.ONLINE_HOURS: facts.online_hours,
        Metric.IN_PERSON_HOURS: facts.in_person_hours,
        Metric.COURSES_COMPLETED: facts.courses_completed,
        Metric.CERTIFICATES: facts.certificates,
        Metric.CLASSES_ATTENDED: facts.classes_attended,
    }


def _learned(facts) -> bool:
    return bool(
        facts.total_hours > 0 or facts.courses_completed or facts.classes_attended
    )


@dataclass
class Person:
    name: str
    birth_year: int | None
    village_id: int | None
    learned: bool
    holds_title: bool


def share(members, test) -> tuple[float | None, tuple[str, ...]]:
    """Percentage of ``members`` passing ``test``, and who counted (names)."""
    if not members:
        return None, ()
    met = [m for m in members if test(m)]
    value = round(100 * len(met) / len(members), 2)
    names = tuple(f"✓ {m.name}" for m in met[:MAX_NAMES])
    return value, (f"{len(met)}/{len(members)}", *names)


class Runner:
    """One evaluation pass over a commune and year; keeps what roll-ups reuse."""

    def __init__(self, *, commune, year: int, batch_size: int = 2000, progress=None):
        self.commune = commune
        self.year = year
        self.batch_size = batch_size
        self.progress = progress or (lambda done: None)
        self.cache = SpecCache(year)
        self.people: dict[int, Person] = {}
        self.households: dict[int, bool] = {}
        self.villages: dict[int, bool] = {}
        self.now = timezone.now()
        self.sets_by_id: dict[int, CriteriaSet] = {}

    # Shared pieces ---------------------------------------------------------

    def _adult(self, person: Person) -> bool:
        return person.birth_year is None or self.year - person.birth_year >= ADULT_AGE

    def _dossiers(self, model: str) -> dict[str, dict]:
        """The commune's dossiers of a model for the year, by subject key."""
        rows = Dossier.objects.filter(
            model=model, year=self.year, commune=self.commune
        ).values("id", "subject_key", "status", "criteria_set_id")
        return {row["subject_key"]: row for row in rows}

    def _set(self, dossier, model, scope) -> CriteriaSet | None:
        if dossier is not None:
            set_id = dossier["criteria_set_id"]
            if set_id not in self.sets_by_id:
                self.sets_by_id[set_id] = CriteriaSet.objects.get(pk=set_id)
            return self.sets_by_id[set_id]
        return self.cache.active(model, scope)

    def _evaluation(
        self, *, model, key, village_id, criteria_set, result: Result
    ) -> EvaluationRow:
        text = explanation_text(result.to_json(compact=True))
        return EvaluationRow(
            model=model,
            year=self.year,
            subject_key=key,
            commune_id=self.commune.pk,
            village_id=village_id,
            criteria_set_id=criteria_set.pk,
            set_version=criteria_set.version,
            passed=result.passed,
            level=result.level,
            points=result.points,
            band=result.band,
            explanation=text,
            digest=digest_of(criteria_set.pk, text),
            evaluated_at=self.now,
        )

    def ensure_people(self, ids) -> None:
        """Load the people roll-ups need that this run has not evaluated."""
        missing = sorted(set(ids) - self.people.keys())
        User = get_user_model()
        for start in range(0, len(missing), self.batch_size):
            batch = missing[start : start + self.batch_size]
            facts = learning_year_facts(user_ids=batch, year=self.year)
            holding = self._holding_title(LearningModel.CITIZEN, "person", batch)
            for pk, full_name, username, birth_year, village_id in User.objects.filter(
                pk__in=batch
            ).values_list("pk", "full_name", "username", "birth_year", "village_id"):
                self.people[pk] = Person(
                    name=full_name or username,
                    birth_year=birth_year,
                    village_id=village_id,
                    learned=_learned(facts.get(pk, NO_FACTS)),
                    holds_title=pk in holding,
                )

    def ensure_households(self, ids) -> None:
        missing = sorted(set(ids) - self.households.keys())
        if not missing:
            return
        holding = self._holding_title(LearningModel.FAMILY, "household", missing)
        for pk in missing:
            self.households[pk] = pk in holding

    def _holding_title(self, model: str, kind: str, pks) -> set[int]:
        """Those of ``pks`` whose stored evaluation passes or whose dossier is
        recognised this year: what roll-ups count for subjects not in this run."""
        keys = {subject_key(kind, pk): pk for pk in pks}
        passed = Evaluation.objects.filter(
            model=model, year=self.year, subject_key__in=list(keys), passed=True
        ).values_list("subject_key", flat=True)
        recognised = Dossier.objects.filter(
            model=model,
            year=self.year,
            subject_key__in=list(keys),
            status=DossierStatus.RECOGNISED,
        ).values_list("subject_key", flat=True)
        return {keys[key] for key in (*passed, *recognised)}

    def _rollup_model(self, model, subjects, metrics_for, scope="all", holds=None):
        """Evaluate subjects (key, pk, village_id, name) whose metrics are roll-ups."""
        dossiers = self._dossiers(model)
        answers = declared_answers(dossier_ids=[d["id"] for d in dossiers.values()])
        rows, counter = [], Counter()
        for key, pk, village_id, scope_of in subjects:
            dossier = dossiers.get(key)
            if dossier is not None and dossier["status"] in FROZEN:
                counter["frozen"] += 1
                if holds is not None:
                    holds[pk] = dossier["status"] == DossierStatus.RECOGNISED
                continue
            criteria_set = self._set(dossier, model, scope_of or scope)
            if criteria_set is None:
                counter["no_criteria"] += 1
                continue
            metrics, sources = metrics_for(pk)
            snapshot = Snapshot(
                metrics=metrics,
                sources=sources,
                answers=answers.get(dossier["id"], {}) if dossier else {},
            )
            result = evaluate(self.cache.spec(criteria_set), snapshot)
            rows.append(
                self._evaluation(
                    model=model,
                    key=key,
                    village_id=village_id,
                    criteria_set=criteria_set,
                    result=result,
                )
            )
            counter["passed" if result.passed else "not_passed"] += 1
            if holds is not None:
                holds[pk] = result.passed
        store_evaluations(rows)
        self.progress(len(subjects))
        return counter

    # The models ------------------------------------------------------------

    def residents(self):
        return (
            get_user_model()
            .objects.filter(commune=self.commune, is_active=True, is_staff=False)
            .order_by("pk")
        )

    def citizens(self) -> Counter:
        people = list(
            self.residents().values_list(
                "pk",
                "full_name",
                "username",
                "birth_year",
                "target_group",
                "village_id",
            )
        )
        dossiers = self._dossiers(LearningModel.CITIZEN)
        facts = residents_learning_year_facts(commune=self.commune, year=self.year)
        counter = Counter()
        for start in range(0, len(people), self.batch_size):
            batch = people[start : start + self.batch_size]
            keys = {p[0]: subject_key("person", p[0]) for p in batch}
            answers = declared_answers(
                dossier_ids=[dossiers[k]["id"] for k in keys.values() if k in dossiers]
            )
            rows = []
            for pk, full_name, username, birth_year, target_group, village_id in batch:
                key = keys[pk]
                dossier = dossiers.get(key)
                person_facts = facts.get(pk, NO_FACTS)
                person = Person(
                    name=full_name or username,
                    birth_year=birth_year,
                    village_id=village_id,
                    learned=_learned(person_facts),
                    holds_title=False,
                )
                self.people[pk] = person
                if dossier is not None and dossier["status"] in FROZEN:
                    person.holds_title = dossier["status"] == DossierStatus.RECOGNISED
                    counter["frozen"] += 1
                    continue
                criteria_set = self._set(
                    dossier, LearningModel.CITIZEN, citizen_scope(target_group)
                )
                if criteria_set is None:
                    counter["no_criteria"] += 1
                    continue
                snapshot = Snapshot(
                    metrics=facts_metrics(person_facts),
                    answers=answers.get(dossier["id"], {}) if dossier else {},
                )
                result = evaluate(self.cache.spec(criteria_set), snapshot)
                person.holds_title = result.passed
                counter["passed" if result.passed else "not_passed"] += 1
                rows.append(
                    self._evaluation(
                        model=LearningModel.CITIZEN,
                        key=key,
                        village_id=village_id,
                        criteria_set=criteria_set,
                        result=result,
                    )
                )
            store_evaluations(rows)
            self.progress(len(batch))
        return counter

    def _members_by_household(self, household_ids) -> dict[int, list[int]]:
        members = defaultdict(list)
        for household_id, person_id in HouseholdMembership.objects.filter(
            household_id__in=household_ids, left_on__isnull=True
        ).values_list("household_id", "person_id"):
            members[household_id].append(person_id)
        return members

    def families(self, households=None) -> Counter:
        if households is None:
            households = list(self.commune.households.values_list("pk", "village_id"))
        members = self._members_by_household([pk for pk, _ in households])
        self.ensure_people({p for ids in members.values() for p in ids})

        def metrics_for(pk):
            adults = [
                self.people[p]
                for p in members.get(pk, [])
                if self._adult(self.people[p])
            ]
            learning, learning_src = share(adults, lambda p: p.learned)
            citizens, citizen_src = share(adults, lambda p: p.holds_title)
            return (
                {
                    Metric.ADULTS_LEARNING_SHARE: learning,
                    Metric.ADULTS_CITIZEN_SHARE: citizens,
                },
                {
                    Metric.ADULTS_LEARNING_SHARE: learning_src,
                    Metric.ADULTS_CITIZEN_SHARE: citizen_src,
                },
            )

        subjects = [
            (subject_key("household", pk), pk, village_id, None)
            for pk, village_id in households
        ]
        return self._rollup_model(
            LearningModel.FAMILY, subjects, metrics_for, holds=self.households
        )

    def clans(self, clans=None) -> Counter:
        if clans is None:
            clans = list(self.commune.clans.values_list("pk", "village_id"))
        links = defaultdict(list)
        for clan_id, household_id in ClanHousehold.objects.filter(
            clan_id__in=[pk for pk, _ in clans]
        ).values_list("clan_id", "household_id"):
            links[clan_id].append(household_id)
        all_households = {h for ids in links.values() for h in ids}
        self.ensure_households(all_households)
        members = self._members_by_household(all_households)
        self.ensure_people({p for ids in members.values() for p in ids})

        def metrics_for(pk):
            households = links.get(pk, [])
            family_share = (
                round(
                    100 * sum(self.households[h] for h in households) / len(households),
                    2,
                )
                if households
                else None
            )
            adults = [
                self.people[p]
                for h in households
                for p in members.get(h, [])
                if self._adult(self.people[p])
            ]
            citizens, citizen_src = share(adults, lambda p: p.holds_title)
            return (
                {
                    Metric.HOUSEHOLDS_FAMILY_SHARE: family_share,
                    Metric.ADULTS_CITIZEN_SHARE: citizens,
                },
                {
                    Metric.HOUSEHOLDS_FAMILY_SHARE: self._household_share(
                        [self.households[h] for h in households]
                    )[1],
                    Metric.ADULTS_CITIZEN_SHARE: citizen_src,
                },
            )

        subjects = [
            (subject_key("clan", pk), pk, village_id, None) for pk, village_id in clans
        ]
        return self._rollup_model(LearningModel.CLAN, subjects, metrics_for)

    def _commune_people(self):
        ids = list(self.residents().values_list("pk", flat=True))
        self.ensure_people(ids)
        return [self.people[pk] for pk in ids]

    def _commune_households(self):
        households = list(self.commune.households.values_list("pk", "village_id"))
        self.ensure_households([pk for pk, _ in households])
        return households

    @staticmethod
    def _household_share(households):
        if not households:
            return None, ()
        met = sum(1 for passed in households if passed)
        return round(100 * met / len(households), 2), (f"{met}/{len(households)}",)

    def communities(self, villages=None) -> Counter:
        if villages is None:
            villages = list(Village.objects.filter(commune=self.commune))
        adults_by_village, families_by_village = defaultdict(list), defaultdict(list)
        for person in self._commune_people():
            if self._adult(person):
                adults_by_village[person.village_id].append(person)
        for household, village_id in self._commune_households():
            families_by_village[village_id].append(self.households[household])

        def metrics_for(pk):
            family, family_src = self._household_share(families_by_village[pk])
            adults = adults_by_village[pk]
            citizens, citizen_src = share(adults, lambda p: p.holds_title)
            return (
                {
                    Metric.HOUSEHOLDS_FAMILY_SHARE: family,
                    Metric.ADULTS_CITIZEN_SHARE: citizens,
                },
                {
                    Metric.HOUSEHOLDS_FAMILY_SHARE: family_src,
                    Metric.ADULTS_CITIZEN_SHARE: citizen_src,
                },
            )

        subjects = [
            (subject_key("village", v.pk), v.pk, v.pk, Scope.VILLAGE) for v in villages
        ]
        return self._rollup_model(
            LearningModel.COMMUNITY, subjects, metrics_for, holds=self.villages
        )

    def units(self, units=None) -> Counter:
        if units is None:
            units = list(self.commune.learning_units.all())
        members = defaultdict(list)
        for unit_id, person_id in UnitMembership.objects.filter(
            unit__in=units, left_on__isnull=True
        ).values_list("unit_id", "person_id"):
            members[unit_id].append(person_id)
        self.ensure_people({p for ids in members.values() for p in ids})

        def metrics_for(pk):
            value, source = share(
                [self.people[p] for p in members.get(pk, [])], lambda p: p.holds_title
            )
            return (
                {Metric.MEMBERS_CITIZEN_SHARE: value},
                {Metric.MEMBERS_CITIZEN_SHARE: source},
            )

        subjects = [
            (
                subject_key("unit", u.pk),
                u.pk,
                u.village_id,
                "unit_province" if u.province_level else "unit_commune",
            )
            for u in units
        ]
        return self._rollup_model(LearningModel.UNIT, subjects, metrics_for)

    def commune_community(self) -> Counter:
        people = self._commune_people()
        households = self._commune_households()
        villages = list(Village.objects.filter(commune=self.commune))
        missing = [v.pk for v in villages if v.pk not in self.villages]
        if missing:
            holding = self._holding_title(LearningModel.COMMUNITY, "village", missing)
            for pk in missing:
                self.villages[pk] = pk in holding
        adults = [p for p in people if self._adult(p)]

        def metrics_for(pk):
            family, family_src = self._household_share(
                [self.households[h] for h, _ in households]
            )
            village_share, village_src = self._household_share(
                [self.villages[v.pk] for v in villages]
            )
            citizens, citizen_src = share(adults, lambda p: p.holds_title)
            learning, learning_src = share(adults, lambda p: p.learned)
            return (
                {
                    Metric.HOUSEHOLDS_FAMILY_SHARE: family,
                    Metric.VILLAGES_COMMUNITY_SHARE: village_share,
                    Metric.ADULTS_CITIZEN_SHARE: citizens,
                    Metric.ADULTS_LEARNING_SHARE: learning,
                },
                {
                    Metric.HOUSEHOLDS_FAMILY_SHARE: family_src,
                    Metric.VILLAGES_COMMUNITY_SHARE: village_src,
                    Metric.ADULTS_CITIZEN_SHARE: citizen_src[:1],
                    Metric.ADULTS_LEARNING_SHARE: learning_src[:1],
                },
            )

        subjects = [
            (
                subject_key("commune", self.commune.pk),
                self.commune.pk,
                None,
                Scope.COMMUNE,
            )
        ]
        return self._rollup_model(LearningModel.COMMUNE, subjects, metrics_for)


STEPS = {
    LearningModel.CITIZEN: Runner.citizens,
    LearningModel.FAMILY: Runner.families,
    LearningModel.CLAN: Runner.clans,
    LearningModel.COMMUNITY: Runner.communities,
    LearningModel.UNIT: Runner.units,
    LearningModel.COMMUNE: Runner.commune_community,
}


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause the cycle collector while a run builds its many small objects.

    With 100,000 residents held for the roll-ups, each collection walks them all;
    at that size collections took most of the evaluation's time. The run makes
    few cycles, and they are collected at the end.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect()


def planned_total(*, commune, models) -> int:
    """How many subjects a run will evaluate (for its progress bar)."""
    totals = {
        LearningModel.CITIZEN: lambda: (
            get_user_model()
            .objects.filter(commune=commune, is_active=True, is_staff=False)
            .count()
        ),
        LearningModel.FAMILY: lambda: commune.households.count(),
        LearningModel.CLAN: lambda: commune.clans.count(),
        LearningModel.COMMUNITY: lambda: commune.villages.count(),
        LearningModel.UNIT: lambda: commune.learning_units.count(),
        LearningModel.COMMUNE: lambda: 1,
    }
    return sum(totals[model]() for model in models)


def evaluate_commune(
    *,
    commune,
    year: int,
    models: list[str] | None = None,
    progress: Callable[[int], None] | None = None,
    batch_size: int = 2000,
) -> dict[str, dict]:
    """Evaluate every subject of the commune for the year; return counts per model.

    ``models`` defaults to all, in dependency order (citizens before families...).
    """
    wanted = [model for model in ORDER if models is None or model in models]
    runner = Runner(
        commune=commune, year=year, batch_size=batch_size, progress=progress
    )
    counts = {}
    with cyclic_gc_paused():
        for model in wanted:
            counts[model] = dict(STEPS[model](runner))
    statuses = (
        Dossier.objects.filter(commune=commune, year=year, model__in=wanted)
        .values("model", "status")
        .annotate(n=Count("id"))
    )
    for row in statuses:
        counts[row["model"]].setdefault("dossiers", {})[row["status"]] = row["n"]
    return counts


def subject_snapshot(*, dossier) -> tuple[CriteriaSet, Snapshot]:
    """The live snapshot of one dossier's subject, with the records behind figures."""
    answers = declared_answers(dossier_ids=[dossier.pk]).get(dossier.pk, {})
    if dossier.model == LearningModel.CITIZEN:
        detail = learning_year_detail(user_id=dossier.person_id, year=dossier.year)
        courses = tuple(c.title for c in detail.completed_courses)
        classes = tuple(
            f"{a.topic} ({a.date:%d/%m/%Y}, {a.hours:g} h)"
            for a in detail.attended_classes
        )
        return dossier.criteria_set, Snapshot(
            metrics=facts_metrics(detail.facts),
            sources={
                Metric.LEARNING_HOURS: courses + classes,
                Metric.ONLINE_HOURS: courses,
                Metric.IN_PERSON_HOURS: classes,
                Metric.COURSES_COMPLETED: courses,
                Metric.CLASSES_ATTENDED: classes,
                Metric.CERTIFICATES: tuple(
                    f"{c.course_title} ({c.code})" for c in detail.certificates
                ),
            },
            answers=answers,
        )
    raise ValueError("Only citizens have a live snapshot; others use evaluate_dossier.")


def evaluate_dossier(*, dossier) -> Result:
    """Evaluate one dossier now and store the result like a bulk run would."""
    runner = Runner(commune=dossier.commune, year=dossier.year)
    if dossier.model == LearningModel.CITIZEN:
        criteria_set, snapshot = subject_snapshot(dossier=dossier)
        result = evaluate(runner.cache.spec(criteria_set), snapshot)
        store_evaluations(
            [
                runner._evaluation(
                    model=dossier.model,
                    key=dossier.subject_key,
                    village_id=dossier.village_id,
                    criteria_set=criteria_set,
                    result=result,
                )
            ]
        )
        return result
    if dossier.model == LearningModel.FAMILY:
        runner.families([(dossier.household_id, dossier.household.village_id)])
    elif dossier.model == LearningModel.CLAN:
        runner.clans([(dossier.clan_id, dossier.clan.village_id)])
    elif dossier.model == LearningModel.COMMUNITY:
        runner.communities([dossier.village])
    elif dossier.model == LearningModel.UNIT:
        runner.units([dossier.unit])
    else:
        runner.commune_community()
    return stored_result(dossier)


def stored_result(dossier) -> Result | None:
    """The stored evaluation of the dossier's subject (frozen one if recognised)."""
    if dossier.recognised_result:
        return result_from_json(dossier.recognised_result)
    row = (
        Evaluation.objects.filter(
            model=dossier.model, year=dossier.year, subject_key=dossier.subject_key
        )
        .select_related("criteria_set")
        .first()
    )
    if row is None:
        return None
    return result_from_json(row.explanation, set_spec(row.criteria_set))

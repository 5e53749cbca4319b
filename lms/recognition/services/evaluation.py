"""Bulk evaluation of a commune for a year, and live evaluation of one subject.

The runner: who and what is evaluated comes from ``population`` (a fixed number
of queries per run or batch), each subject's figures from the pure rules of
``rollups``, the verdict from the engine, and ``evaluation_store`` writes one
upsert per batch on the unique (model, year, subject) that skips unchanged
results, so a second run rewrites nothing. Subjects whose dossier is recognised
or revoked are left as they are: their result was frozen at the decision.

Counts per model: ``passed`` / ``not_passed`` (this run's verdicts), ``frozen``,
``no_criteria``, ``held`` (subjects holding the title: recognised by a decision)
and ``awaiting`` (meet the criteria, not holding the title: never added to held).
"""

import gc
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db.models import Count
from django.utils import timezone

from lms.recognition.constants import DossierStatus, LearningModel, Metric, Scope
from lms.recognition.criteria import Result, Snapshot, evaluate
from lms.recognition.criteria.snapshot import result_from_json
from lms.recognition.models import CriteriaSet, Dossier, Evaluation, subject_key
from lms.recognition.selectors import SpecCache, declared_answers, set_spec
from lms.recognition.services import population, rollups
from lms.recognition.services.evaluation_store import (
    EvaluationRow,
    digest_of,
    explanation_text,
    store_evaluations,
)
from lms.recognition.services.rollups import Person, Standing, facts_metrics
from lms.recognition.subjects import citizen_scope
from lms.residents import residents
from lms.selectors import (
    NO_FACTS,
    learning_year_detail,
    learning_year_facts,
    residents_learning_year_facts,
)

__all__ = [
    "evaluate_commune",
    "evaluate_dossier",
    "facts_metrics",
    "planned_total",
    "stored_result",
    "subject_snapshot",
]

FROZEN = {DossierStatus.RECOGNISED, DossierStatus.REVOKED}
ORDER = [
    LearningModel.CITIZEN,
    LearningModel.FAMILY,
    LearningModel.CLAN,
    LearningModel.COMMUNITY,
    LearningModel.UNIT,
    LearningModel.COMMUNE,
]


class Runner:
    """One evaluation pass over a commune and year; keeps what roll-ups reuse."""

    def __init__(self, *, commune, year: int, batch_size: int = 2000, progress=None):
        self.commune = commune
        self.year = year
        self.batch_size = batch_size
        self.progress = progress or (lambda done: None)
        self.cache = SpecCache(year)
        self.people: dict[int, Person] = {}
        # Title held or criteria met, by pk, of subjects roll-ups count.
        self.household_standing: dict[int, Standing] = {}
        self.clan_standing: dict[int, Standing] = {}
        self.village_standing: dict[int, Standing] = {}
        self.unit_standing: dict[int, Standing] = {}
        self.now = timezone.now()
        self.sets_by_id: dict[int, CriteriaSet] = {}

    # Shared pieces ---------------------------------------------------------

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
        for start in range(0, len(missing), self.batch_size):
            batch = missing[start : start + self.batch_size]
            facts = learning_year_facts(user_ids=batch, year=self.year)
            standing = population.standings(
                model=LearningModel.CITIZEN, kind="person", year=self.year, pks=batch
            )
            for (
                pk,
                full_name,
                username,
                birth_year,
                village_id,
            ) in population.person_rows(batch):
                self.people[pk] = Person(
                    name=full_name or username,
                    birth_year=birth_year,
                    village_id=village_id,
                    learned=rollups.learned(facts.get(pk, NO_FACTS)),
                    holds_title=standing[pk].holds_title,
                    meets=standing[pk].meets,
                )

    def _ensure(self, known: dict, model: str, kind: str, pks) -> None:
        """Standing of subjects of ``model`` this run has not evaluated."""
        missing = sorted(set(pks) - known.keys())
        if missing:
            known.update(
                population.standings(
                    model=model, kind=kind, year=self.year, pks=missing
                )
            )

    def _judge(self, counter, dossier, model, scope, key, village_id, snapshot_for):
        """Evaluate one subject; return its standing and the row to store (or None)."""
        if dossier is not None and dossier["status"] in FROZEN:
            counter["frozen"] += 1
            held = bool(dossier["held"])
            if held:
                counter["held"] += 1
            return Standing(holds_title=held, meets=held), None
        criteria_set = self._set(dossier, model, scope)
        if criteria_set is None:
            counter["no_criteria"] += 1
            return rollups.NONE, None
        result = evaluate(self.cache.spec(criteria_set), snapshot_for())
        counter["passed" if result.passed else "not_passed"] += 1
        if result.passed:  # meets the criteria, holds no title (not frozen)
            counter["awaiting"] += 1
        row = self._evaluation(
            model=model,
            key=key,
            village_id=village_id,
            criteria_set=criteria_set,
            result=result,
        )
        return Standing(meets=result.passed), row

    def _rollup_model(self, model, subjects, figures_for, standings=None):
        """Evaluate subjects (key, pk, village_id, scope) whose metrics are roll-ups."""
        dossiers = population.dossiers(
            model=model, year=self.year, commune=self.commune
        )
        answers = declared_answers(dossier_ids=[d["id"] for d in dossiers.values()])
        rows, counter = [], Counter()
        for key, pk, village_id, scope in subjects:
            dossier = dossiers.get(key)

            def snapshot_for(pk=pk, dossier=dossier):
                metrics, sources = figures_for(pk)
                return Snapshot(
                    metrics=metrics,
                    sources=sources,
                    answers=answers.get(dossier["id"], {}) if dossier else {},
                )

            standing, row = self._judge(
                counter, dossier, model, scope, key, village_id, snapshot_for
            )
            if row is not None:
                rows.append(row)
            if standings is not None:
                standings[pk] = standing
        store_evaluations(rows)
        self.progress(len(subjects))
        return counter

    def _adults_of(self, person_ids) -> list[Person]:
        return rollups.adults((self.people[p] for p in person_ids), self.year)

    # The models ------------------------------------------------------------

    def citizens(self) -> Counter:
        people = population.resident_rows(commune=self.commune, year=self.year)
        dossiers = population.dossiers(
            model=LearningModel.CITIZEN, year=self.year, commune=self.commune
        )
        facts = residents_learning_year_facts(commune=self.commune, year=self.year)
        counter = Counter()
        for start in range(0, len(people), self.batch_size):
            batch = people[start : start + self.batch_size]
            keys = {p[0]: subject_key("person", p[0]) for p in batch}
            answers = declared_answers(
                dossier_ids=[dossiers[k]["id"] for k in keys.values() if k in dossiers]
            )
            rows = []
            for pk, full_name, username, birth_year, village_id, target_group in batch:
                key = keys[pk]
                dossier = dossiers.get(key)
                person_facts = facts.get(pk, NO_FACTS)

                def snapshot_for(
                    person_facts=person_facts, dossier=dossier, answers=answers
                ):
                    return Snapshot(
                        metrics=facts_metrics(person_facts),
                        answers=answers.get(dossier["id"], {}) if dossier else {},
                    )

                standing, row = self._judge(
                    counter,
                    dossier,
                    LearningModel.CITIZEN,
                    citizen_scope(target_group),
                    key,
                    village_id,
                    snapshot_for,
                )
                self.people[pk] = Person(
                    name=full_name or username,
                    birth_year=birth_year,
                    village_id=village_id,
                    learned=rollups.learned(person_facts),
                    holds_title=standing.holds_title,
                    meets=standing.meets,
                )
                if row is not None:
                    rows.append(row)
            store_evaluations(rows)
            self.progress(len(batch))
        return counter

    def families(self, households=None) -> Counter:
        if households is None:
            households = population.households(self.commune)
        members = population.household_members([pk for pk, _ in households])
        self.ensure_people({p for ids in members.values() for p in ids})
        subjects = [
            (subject_key("household", pk), pk, village_id, Scope.ALL)
            for pk, village_id in households
        ]
        return self._rollup_model(
            LearningModel.FAMILY,
            subjects,
            lambda pk: rollups.family(self._adults_of(members.get(pk, []))),
            standings=self.household_standing,
        )

    def _ensure_households(self, pks) -> None:
        self._ensure(self.household_standing, LearningModel.FAMILY, "household", pks)

    def clans(self, clans=None) -> Counter:
        if clans is None:
            clans = population.clans(self.commune)
        links = population.clan_households([pk for pk, _ in clans])
        all_households = {h for ids in links.values() for h in ids}
        self._ensure_households(all_households)
        members = population.household_members(all_households)
        self.ensure_people({p for ids in members.values() for p in ids})

        def figures_for(pk):
            linked = links.get(pk, [])
            return rollups.clan(
                [self.household_standing[h] for h in linked],
                self._adults_of(p for h in linked for p in members.get(h, [])),
            )

        subjects = [
            (subject_key("clan", pk), pk, village_id, Scope.ALL)
            for pk, village_id in clans
        ]
        return self._rollup_model(
            LearningModel.CLAN, subjects, figures_for, standings=self.clan_standing
        )

    def _commune_adults(self) -> list[Person]:
        ids = list(
            population.commune_residents(
                commune=self.commune, year=self.year
            ).values_list("pk", flat=True)
        )
        self.ensure_people(ids)
        return self._adults_of(ids)

    def _commune_households(self) -> list[tuple[int, int | None]]:
        households = population.households(self.commune)
        self._ensure_households([pk for pk, _ in households])
        return households

    def communities(self, villages=None) -> Counter:
        if villages is None:
            villages = population.villages(self.commune)
        adults_by_village, households_by_village = {}, {}
        for person in self._commune_adults():
            adults_by_village.setdefault(person.village_id, []).append(person)
        for household, village_id in self._commune_households():
            households_by_village.setdefault(village_id, []).append(
                self.household_standing[household]
            )

        def figures_for(pk):
            return rollups.village(
                households_by_village.get(pk, []), adults_by_village.get(pk, [])
            )

        subjects = [
            (subject_key("village", v.pk), v.pk, v.pk, Scope.VILLAGE) for v in villages
        ]
        return self._rollup_model(
            LearningModel.COMMUNITY,
            subjects,
            figures_for,
            standings=self.village_standing,
        )

    def units(self, units=None) -> Counter:
        if units is None:
            units = population.units(self.commune)
        members = population.unit_members(units)
        self.ensure_people({p for ids in members.values() for p in ids})
        subjects = [
            (
                subject_key("unit", u.pk),
                u.pk,
                u.village_id,
                Scope.UNIT_PROVINCE if u.province_level else Scope.UNIT_COMMUNE,
            )
            for u in units
        ]
        return self._rollup_model(
            LearningModel.UNIT,
            subjects,
            lambda pk: rollups.unit([self.people[p] for p in members.get(pk, [])]),
            standings=self.unit_standing,
        )

    def commune_community(self) -> Counter:
        adults = self._commune_adults()
        households = self._commune_households()
        village_pks = [v.pk for v in population.villages(self.commune)]
        clan_pks = [pk for pk, _ in population.clans(self.commune)]
        unit_pks = [u.pk for u in population.units(self.commune)]
        self._ensure(
            self.village_standing, LearningModel.COMMUNITY, "village", village_pks
        )
        self._ensure(self.clan_standing, LearningModel.CLAN, "clan", clan_pks)
        self._ensure(self.unit_standing, LearningModel.UNIT, "unit", unit_pks)
        figures = rollups.commune(
            households=[self.household_standing[h] for h, _ in households],
            villages=[self.village_standing[pk] for pk in village_pks],
            clans=[self.clan_standing[pk] for pk in clan_pks],
            units=[self.unit_standing[pk] for pk in unit_pks],
            adult_residents=adults,
        )
        subjects = [
            (
                subject_key("commune", self.commune.pk),
                self.commune.pk,
                None,
                Scope.COMMUNE,
            )
        ]
        return self._rollup_model(LearningModel.COMMUNE, subjects, lambda pk: figures)


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
        LearningModel.CITIZEN: lambda: residents(commune=commune).count(),
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

"""Bulk recognition evaluation: 100,000 residents with their households.

A tenth of residents and households have a self-assessed dossier with answers and
evidence; the rest are evaluated from their learning records alone.

Run on PostgreSQL: .ci/with-postgres .venv/bin/python bench/recognition.py
(creates a throw-away test database, migrates it, fills it with batched inserts,
then times two runs of the evaluation of one commune; the second must give the
same counts and create no rows). RESIDENTS=20000 makes a quicker run.
"""

import datetime
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

RESIDENTS = int(os.environ.get("RESIDENTS", 100_000))
PER_HOUSEHOLD = 4
YEAR = 2026
BATCH = 5000
# Count keys that partition the subjects (held and awaiting overlap them).
SUBJECTS = {"passed", "not_passed", "frozen", "no_criteria"}


def fill(commune):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from cms.models import Centre, CourseIndexPage, CoursePage, Village
    from cms.site_setup import ensure_home_page
    from lms.models import Attendance, ClassSession, DailyLearning, Enrolment
    from lms.recognition.models import Household, HouseholdMembership

    User = get_user_model()
    villages = [
        Village.objects.get_or_create(commune=commune, name=f"Thôn {i + 1}")[0]
        for i in range(20)
    ]
    centre = Centre.objects.create(commune=commune, name="Trung tâm HTCĐ")
    index = CourseIndexPage(title="Khoá học", slug="khoa-hoc-bench")
    ensure_home_page().add_child(instance=index)
    course = CoursePage(
        title="Kỹ năng số", slug="ky-nang-so", summary="Bench", centre=centre
    )
    index.add_child(instance=course)
    sessions = [
        ClassSession.objects.create(
            centre=centre,
            topic=f"Chuyên đề {i}",
            date=datetime.date(YEAR, 3, i + 1),
            hours=2,
        )
        for i in range(5)
    ]
    started = time.perf_counter()
    User.objects.bulk_create(
        (
            User(
                username=f"b{n}",
                phone=f"08{n:08d}",
                password="!",
                full_name=f"Người dân {n}",
                commune=commune,
                village=villages[n % len(villages)],
                birth_year=1950 + n % 70,
                target_group=["farmer", "worker", "official", "pupil"][n % 4],
            )
            for n in range(RESIDENTS)
        ),
        batch_size=BATCH,
    )
    ids = list(
        User.objects.filter(commune=commune).order_by("pk").values_list("pk", flat=True)
    )
    households = Household.objects.bulk_create(
        (
            Household(
                name=f"Hộ {n}",
                commune=commune,
                village=villages[n % len(villages)],
                head_id=ids[n * PER_HOUSEHOLD],
            )
            for n in range(len(ids) // PER_HOUSEHOLD)
        ),
        batch_size=BATCH,
    )
    joined = datetime.date(2020, 1, 1)
    HouseholdMembership.objects.bulk_create(
        (
            HouseholdMembership(
                household_id=households[i // PER_HOUSEHOLD].pk,
                person_id=pk,
                joined_on=joined,
            )
            for i, pk in enumerate(ids[: len(households) * PER_HOUSEHOLD])
        ),
        batch_size=BATCH,
    )
    # Learning: 60 % learn online, 30 % attend classes, 20 % complete the course.
    DailyLearning.objects.bulk_create(
        (
            DailyLearning(
                learner_id=pk,
                day=datetime.date(YEAR, 1 + i % 12, 1 + i % 28),
                online_seconds=3600 * (1 + i % 30),
                commune=commune,
            )
            for i, pk in enumerate(ids)
            if i % 5 < 3
        ),
        batch_size=BATCH,
    )
    Attendance.objects.bulk_create(
        (
            Attendance(session=sessions[i % 5], learner_id=pk, commune=commune)
            for i, pk in enumerate(ids)
            if i % 10 < 3
        ),
        batch_size=BATCH,
    )
    done = timezone.make_aware(datetime.datetime(YEAR, 5, 1))
    Enrolment.objects.bulk_create(
        (
            Enrolment(
                learner_id=pk,
                course=course,
                commune=commune,
                enrolled_at=done,
                completed_at=done,
                percent=100,
            )
            for i, pk in enumerate(ids)
            if i % 5 == 0
        ),
        batch_size=BATCH,
    )
    dossiers = register_some(commune, ids, households, sessions)
    return time.perf_counter() - started, len(households), dossiers


def register_some(commune, ids, households, sessions):
    """A tenth of residents and households register and answer every declared
    indicator "met" with evidence; the residents among them learn enough to pass."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from lms.models import Attendance, Certificate, DailyLearning, Enrolment
    from lms.recognition.constants import DossierStatus, LearningModel, Scope
    from lms.recognition.models import (
        Answer,
        Dossier,
        Evidence,
        Indicator,
        subject_key,
    )
    from lms.recognition.selectors import active_set
    from lms.recognition.subjects import citizen_scope

    now = timezone.now()
    User = get_user_model()
    groups = dict(User.objects.filter(pk__in=ids).values_list("pk", "target_group"))
    candidates = [
        (LearningModel.CITIZEN, "person", pk, citizen_scope(groups[pk]))
        for pk in ids[::10]
    ] + [
        (LearningModel.FAMILY, "household", household.pk, Scope.ALL)
        for household in households[::10]
    ]
    sets = {
        (model, scope): active_set(model=model, scope=scope, year=YEAR)
        for model, _kind, _pk, scope in candidates
    }
    created = Dossier.objects.bulk_create(
        (
            Dossier(
                model=model,
                year=YEAR,
                subject_key=subject_key(kind, pk),
                subject_name=f"{kind} {pk}",
                person_id=pk if kind == "person" else None,
                household_id=pk if kind == "household" else None,
                commune=commune,
                criteria_set=sets[model, scope],
                status=DossierStatus.SELF_ASSESSED,
                registered_at=now,
                self_assessed_at=now,
            )
            for model, kind, pk, scope in candidates
        ),
        batch_size=BATCH,
    )
    declared = {
        criteria_set.pk: list(
            Indicator.objects.filter(
                criterion__criteria_set=criteria_set, kind="declared"
            ).values_list("pk", "evidence_required")
        )
        for criteria_set in sets.values()
    }
    answers = Answer.objects.bulk_create(
        (
            Answer(dossier=dossier, indicator_id=indicator, met=True)
            for dossier in created
            for indicator, _evidence in declared[dossier.criteria_set_id]
        ),
        batch_size=BATCH,
    )
    needs_evidence = {
        pk for rows in declared.values() for pk, evidence in rows if evidence
    }
    Evidence.objects.bulk_create(
        (
            Evidence(answer=answer, file="bench/minh-chung.pdf", original_name="a.pdf")
            for answer in answers
            if answer.indicator_id in needs_evidence
        ),
        batch_size=BATCH,
    )
    keen = ids[::10]  # registered residents: all had a completed course already
    DailyLearning.objects.bulk_create(
        (
            DailyLearning(
                learner_id=pk,
                day=datetime.date(YEAR, 12, 1),
                online_seconds=40 * 3600,
                commune=commune,
            )
            for pk in keen
        ),
        batch_size=BATCH,
    )
    Attendance.objects.bulk_create(
        (
            Attendance(session=session, learner_id=pk, commune=commune)
            for pk in keen
            for session in sessions[1:]
        ),
        batch_size=BATCH,
    )
    Certificate.objects.bulk_create(
        (
            Certificate(
                learner_id=enrolment.learner_id,
                course_id=enrolment.course_id,
                enrolment=enrolment,
                issued_at=enrolment.completed_at,
                hours=2,
            )
            for enrolment in Enrolment.objects.filter(learner_id__in=keen)
        ),
        batch_size=BATCH,
    )
    return len(created)


class Progress:
    """Print the elapsed time every 20,000 subjects."""

    def __init__(self, start):
        self.start, self.done, self.next = start, 0, 20_000

    def __call__(self, done):
        self.done += done
        if self.done >= self.next:
            self.next += 20_000
            elapsed = time.perf_counter() - self.start
            print(f"    {self.done:,} subjects after {elapsed:.1f} s", flush=True)


def main() -> None:
    from django.db import connection
    from django.test.utils import setup_test_environment

    from cms.models import Commune
    from cms.places_loader import load_administrative_units
    from lms.recognition.models import Evaluation
    from lms.recognition.services.evaluation import evaluate_commune

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        load_administrative_units()
        commune = Commune.objects.get(code="03037")
        fill_seconds, household_count, dossiers = fill(commune)
        print(
            f"{connection.vendor}: {RESIDENTS:,} residents, {household_count:,} "
            f"households, {dossiers:,} dossiers filled in {fill_seconds:.1f} s",
            flush=True,
        )
        runs = []
        for label in ("first run", "second run"):
            start = time.perf_counter()
            counts = evaluate_commune(
                commune=commune, year=YEAR, progress=Progress(start)
            )
            seconds = time.perf_counter() - start
            rows = Evaluation.objects.count()
            runs.append((counts, rows))
            evaluated = sum(
                v for c in counts.values() for k, v in c.items() if k in SUBJECTS
            )
            print(
                f"{label}: {seconds:.1f} s for {evaluated:,} subjects "
                f"({evaluated / seconds:,.0f}/s); evaluation rows {rows:,}"
            )
            for model, figures in counts.items():
                print(f"  {model}: {figures}")
        assert runs[0] == runs[1], "the second run must give the same counts and rows"
        print("second run: same counts, no new rows (idempotent)")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of this process: {peak:,.0f} MB")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()

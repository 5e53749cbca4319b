"""Bulk recognition evaluation: 100,000 residents with their households.

Run on PostgreSQL: .ci/with-postgres .venv/bin/python bench/recognition.py
(creates a throw-away test database, migrates it, fills it with batched inserts,
then times two runs of the evaluation of one commune; the second must rewrite the
same rows and create none). RESIDENTS=20000 makes a quicker run.
"""

import datetime
import os
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
    return time.perf_counter() - started, len(households)


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
        fill_seconds, household_count = fill(commune)
        print(
            f"{connection.vendor}: {RESIDENTS:,} residents, {household_count:,} "
            f"households filled in {fill_seconds:.1f} s",
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
                v for c in counts.values() for k, v in c.items() if k != "dossiers"
            )
            print(
                f"{label}: {seconds:.1f} s for {evaluated:,} subjects "
                f"({evaluated / seconds:,.0f}/s); evaluation rows {rows:,}"
            )
            for model, figures in counts.items():
                print(f"  {model}: {figures}")
        assert runs[0] == runs[1], "the second run must give the same counts and rows"
        print("second run: same counts, no new rows (idempotent)")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()

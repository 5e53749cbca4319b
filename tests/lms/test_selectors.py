"""Yearly learning facts: aggregates per person in a fixed number of queries."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.models import (
    Attendance,
    Certificate,
    ClassSession,
    DailyLearning,
    Enrolment,
)
from lms.selectors import (
    NO_FACTS,
    learning_year_detail,
    learning_year_facts,
    residents_learning_year_facts,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _records(learner, course, centre, *, year=2026):
    DailyLearning.objects.create(
        learner=learner, day=date(year, 3, 1), online_seconds=1800
    )
    DailyLearning.objects.create(
        learner=learner, day=date(year, 3, 2), online_seconds=3600
    )
    DailyLearning.objects.create(  # another year: not counted
        learner=learner, day=date(year - 1, 12, 31), online_seconds=7200
    )
    enrolment = Enrolment.objects.create(
        learner=learner,
        course=course,
        enrolled_at=datetime(year, 2, 1, tzinfo=VN),
        # 00:30 on 1 January in Vietnam is still 31 December in UTC.
        completed_at=datetime(year, 1, 1, 0, 30, tzinfo=VN),
        percent=100,
    )
    Certificate.objects.create(
        learner=learner,
        course=course,
        enrolment=enrolment,
        issued_at=datetime(year, 1, 1, 0, 30, tzinfo=VN),
        hours=Decimal("3.0"),
        centre=centre,
    )
    for day, hours, present in [(5, "2.0", True), (6, "1.5", True), (7, "4", False)]:
        session = ClassSession.objects.create(
            centre=centre, topic="Pháp luật", date=date(year, 4, day), hours=hours
        )
        Attendance.objects.create(session=session, learner=learner, present=present)


@pytest.mark.django_db
def test_facts_sum_the_year_only(resident, course, centre):
    """Online time, classes attended, completions and valid certificates of the year."""
    _records(resident, course, centre)
    facts = learning_year_facts(user_ids=[resident.pk], year=2026)[resident.pk]
    assert facts.online_hours == 1.5
    assert facts.in_person_hours == 3.5
    assert facts.classes_attended == 2
    assert facts.courses_completed == 1
    assert facts.certificates == 1
    assert facts.total_hours == 5.0
    last_year = learning_year_facts(user_ids=[resident.pk], year=2025)[resident.pk]
    assert last_year.online_hours == 2.0
    assert last_year.courses_completed == 0


@pytest.mark.django_db
def test_revoked_certificate_not_counted(resident, course, centre):
    _records(resident, course, centre)
    Certificate.objects.update(revoked_at=datetime(2026, 5, 1, tzinfo=VN))
    facts = learning_year_facts(user_ids=[resident.pk], year=2026)[resident.pk]
    assert facts.certificates == 0


@pytest.mark.django_db
def test_users_without_records_get_zero_facts(resident, other_resident):
    facts = learning_year_facts(user_ids=[resident.pk, other_resident.pk], year=2026)
    assert facts == {resident.pk: NO_FACTS, other_resident.pk: NO_FACTS}
    assert learning_year_facts(user_ids=[], year=2026) == {}


@pytest.mark.django_db
def test_query_count_does_not_grow_with_users(resident, course, centre, commune):
    """Four aggregate queries for one user or for thirty."""
    _records(resident, course, centre)
    with CaptureQueriesContext(connection) as one:
        learning_year_facts(user_ids=[resident.pk], year=2026)
    User = get_user_model()
    many = [resident.pk]
    for i in range(30):
        user = User.objects.create_user(phone=f"09120000{i:02d}", commune=commune)
        DailyLearning.objects.create(
            learner=user, day=date(2026, 6, 1), online_seconds=600
        )
        many.append(user.pk)
    with CaptureQueriesContext(connection) as thirty:
        facts = learning_year_facts(user_ids=many, year=2026)
    assert len(one) == len(thirty) == 4
    assert facts[many[-1]].online_hours == round(600 / 3600, 2)
    assert facts[resident.pk].classes_attended == 2


@pytest.mark.django_db
def test_residents_facts_cover_the_commune_in_four_queries(
    resident, other_resident, course, centre, commune, other_commune
):
    """A bulk run's facts: the same figures, for the commune's learners only."""
    _records(resident, course, centre)
    outsider = get_user_model().objects.create_user(
        phone="0911111111", commune=other_commune
    )
    DailyLearning.objects.create(
        learner=outsider, day=date(2026, 6, 1), online_seconds=600
    )
    with CaptureQueriesContext(connection) as queries:
        facts = residents_learning_year_facts(commune=commune, year=2026)
    assert len(queries) == 4
    assert facts == learning_year_facts(user_ids=[resident.pk], year=2026)
    assert other_resident.pk not in facts and outsider.pk not in facts


@pytest.mark.django_db
def test_detail_lists_the_records_behind_the_figures(resident, course, centre):
    _records(resident, course, centre)
    detail = learning_year_detail(user_id=resident.pk, year=2026)
    assert detail.facts.classes_attended == len(detail.attended_classes) == 2
    assert [c.title for c in detail.completed_courses] == [course.title]
    assert [(a.date.day, a.hours) for a in detail.attended_classes] == [
        (5, 2.0),
        (6, 1.5),
    ]
    assert detail.attended_classes[0].centre == centre.name
    assert detail.certificates[0].course_title == course.title
    assert detail.certificates[0].hours == 3.0

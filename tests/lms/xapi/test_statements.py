"""Statements recorded with each learning record: shape, stable ids, one transaction."""

import json
import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from lms.models import LessonProgress, ProgressEvent
from lms.services import classes
from lms.services.enrolments import enrol
from lms.services.events import record_event, record_events
from lms.services.quizzes import submit_quiz
from lms.xapi import statements
from lms.xapi.models import Statement, StatementStatus
from tests.lms.learning import read_lesson
from tests.lms.test_quizzes import answers, make_quiz

ADL = "http://adlnet.gov/expapi/verbs/"
pytestmark = pytest.mark.django_db


def time_event(lesson, *, seconds=60, ago=0):
    return {
        "id": str(uuid.uuid4()),
        "type": "lesson.time",
        "lesson": lesson.pk,
        "at": (timezone.now() - timedelta(seconds=ago)).isoformat(),
        "seconds": seconds,
    }


def only(verb) -> dict:
    [row] = Statement.objects.filter(verb=verb)
    return row.data


def test_time_event_statement(xapi_on, resident, enrolled, lesson, course):
    """An accepted time event: its statement, keyed by the event's own id."""
    data = time_event(lesson, seconds=90, ago=30)
    assert record_event(learner=resident, data=data).status == "accepted"
    statement = only("experienced")
    event = ProgressEvent.objects.get(client_event_id=data["id"])
    assert statement["id"] == str(
        statements.statement_id("event", resident.pk, data["id"])
    )
    assert statement["verb"] == {
        "id": ADL + "experienced",
        "display": {"vi-VN": "đã học", "en-US": "experienced"},
    }
    assert statement["object"]["definition"]["name"] == {"vi-VN": lesson.title}
    assert statement["object"]["definition"]["type"].endswith("/activities/lesson")
    assert statement["result"] == {"duration": "PT90S"}
    [parent] = statement["context"]["contextActivities"]["parent"]
    assert parent["definition"]["name"] == {"vi-VN": course.title}
    assert statement["timestamp"].endswith("+07:00")
    assert statement["timestamp"] == timezone.localtime(event.at).isoformat()


def test_actor_is_a_pseudonymous_account_on_the_base_url(
    xapi_on, resident, enrolled, lesson
):
    xapi_on.WAGTAILADMIN_BASE_URL = "https://hoctap.example.vn/"
    record_event(learner=resident, data=time_event(lesson))
    statement = only("experienced")
    actor = statement["actor"]
    assert set(actor) == {"objectType", "account"}
    assert actor["account"]["homePage"] == "https://hoctap.example.vn"
    name = actor["account"]["name"]
    assert len(name) == 32 and name == statements.pseudonym(resident.pk)
    text = json.dumps(statement, ensure_ascii=False)
    for secret in (resident.phone, resident.phone[1:], resident.full_name):
        assert secret not in text
    assert statement["object"]["id"].startswith("https://hoctap.example.vn/xapi/")


def test_pseudonyms_differ_per_learner_and_per_secret(settings, resident):
    first = statements.pseudonym(resident.pk)
    assert first != statements.pseudonym(resident.pk + 1)
    settings.XAPI_ACTOR_SECRET = "another secret"
    assert statements.pseudonym(resident.pk) != first


def test_resent_event_yields_the_same_statement(xapi_on, resident, enrolled, lesson):
    data = time_event(lesson)
    record_event(learner=resident, data=data)
    assert record_event(learner=resident, data=data).status == "duplicate"
    [row] = Statement.objects.filter(verb="experienced")
    assert row.id == statements.statement_id("event", resident.pk, data["id"])


def test_same_event_id_of_two_learners_gives_two_statements(
    xapi_on, resident, other_resident, course, lessons, lesson
):
    for learner in (resident, other_resident):
        enrolment = enrol(learner=learner, course=course).enrolment
        enrolment.enrolled_at -= timedelta(days=1)
        enrolment.save()
    data = time_event(lesson)
    record_event(learner=resident, data=data)
    record_event(learner=other_resident, data=data)
    assert Statement.objects.filter(verb="experienced").count() == 2


def test_rejected_event_leaves_no_statement(xapi_on, resident, enrolled, lesson):
    """The statement is written in the event's savepoint and rolled back with it."""
    results = record_events(
        learner=resident,
        events=[time_event(lesson, seconds=30), time_event(lesson, seconds=-5)],
    )
    assert [r.status for r in results] == ["accepted", "rejected"]
    assert Statement.objects.filter(verb="experienced").count() == 1


def test_nothing_is_recorded_when_no_lrs_is_configured(
    settings, resident, enrolled, lesson
):
    settings.XAPI_LRS_URL = ""
    record_event(learner=resident, data=time_event(lesson))
    assert not Statement.objects.exists()


def test_enrolment_and_lesson_and_course_completion(xapi_on, resident, course, lessons):
    enrolment = enrol(learner=resident, course=course).enrolment
    registered = only("registered")
    assert registered["verb"]["id"] == ADL + "registered"
    assert registered["object"]["definition"]["name"] == {"vi-VN": course.title}
    assert registered["id"] == str(statements.statement_id("enrolment", enrolment.pk))
    Statement.objects.update(timestamp=timezone.now() - timedelta(days=1))
    enrolment.enrolled_at -= timedelta(days=1)
    enrolment.save()
    for lesson in lessons[:2]:
        read_lesson(resident, lesson)
    completed = Statement.objects.filter(verb="completed")
    kinds = sorted(row.data["object"]["definition"]["type"] for row in completed)
    assert kinds == [
        "http://adlnet.gov/expapi/activities/course",
        "http://adlnet.gov/expapi/activities/lesson",
        "http://adlnet.gov/expapi/activities/lesson",
    ]
    for row in completed:
        assert row.data["result"]["completion"] is True
    # Saving a completed record again adds nothing: the id is already there.
    enrolment.refresh_from_db()
    enrolment.save()
    assert Statement.objects.filter(verb="completed").count() == 3


def test_quiz_attempt_statement(xapi_on, resident, enrolled, lesson):
    quiz, questions = make_quiz(lesson=lesson)
    attempt, grade = submit_quiz(
        learner=resident, quiz=quiz, answers=answers(questions, single=[0])
    )
    statement = only("answered")
    assert statement["id"] == str(statements.statement_id("quiz-attempt", attempt.pk))
    assert statement["verb"]["id"] == ADL + "answered"
    assert statement["object"]["definition"]["type"].endswith("/assessment")
    assert statement["result"]["score"] == {
        "scaled": grade.score / 100,
        "raw": grade.score,
    }
    assert statement["result"]["success"] is grade.passed
    assert json.loads(statement["result"]["response"]) == attempt.answers
    parents = statement["context"]["contextActivities"]["parent"]
    assert [p["definition"]["type"].rsplit("/", 1)[1] for p in parents] == [
        "lesson",
        "course",
    ]


def test_attendance_statement(xapi_on, staff, centre, resident, other_resident):
    session = classes.create_session(
        centre=centre,
        topic="Phòng chống lừa đảo qua mạng",
        date=date(2026, 3, 2),
        starts_at=None,
        hours=Decimal("1.5"),
        created_by=staff,
    )
    people = {resident.pk, other_resident.pk}
    classes.record_attendance(
        session=session,
        present_ids={resident.pk},
        offered_ids=people,
        recorded_by=staff,
    )
    statement = only("attended")
    assert statement["actor"]["account"]["name"] == statements.pseudonym(resident.pk)
    assert statement["verb"]["display"]["vi-VN"] == "đã tham dự"
    assert statement["object"]["definition"]["name"] == {"vi-VN": session.topic}
    assert statement["result"] == {"duration": "PT5400S"}
    assert statement["timestamp"] == "2026-03-02T00:00:00+07:00"
    # Ticked again with the other person: one more statement, not a second copy.
    classes.record_attendance(
        session=session, present_ids=people, offered_ids=people, recorded_by=staff
    )
    assert Statement.objects.filter(verb="attended").count() == 2


def test_unticked_attendance_takes_its_statement_back(xapi_on, staff, centre, resident):
    """Not sent yet: dropped. Ticked again: told anew, under a new id."""
    session = classes.create_session(
        centre=centre,
        topic="Kỹ năng số",
        date=date(2026, 3, 2),
        hours=2,
        created_by=staff,
    )

    def tick(present):
        classes.record_attendance(
            session=session,
            present_ids={resident.pk} if present else set(),
            offered_ids={resident.pk},
            recorded_by=staff,
        )

    tick(True)
    first = Statement.objects.get(verb="attended").pk
    tick(False)
    assert not Statement.objects.exists()
    tick(True)
    [again] = Statement.objects.filter(verb="attended")
    assert again.pk != first
    assert again.record == f"attendance:{session.attendances.get().pk}"


def test_statements_wait_in_the_outbox(xapi_on, resident, enrolled, lesson):
    record_event(learner=resident, data=time_event(lesson))
    for row in Statement.objects.all():
        assert row.status == StatementStatus.PENDING
        assert row.sent_at is None
        assert row.next_attempt_at <= timezone.now()


def test_completed_lesson_saved_again_costs_one_lookup(
    xapi_on, resident, enrolled, lessons, django_assert_num_queries
):
    """Media events keep saving a completed lesson's progress: no statement rebuilt."""
    read_lesson(resident, lessons[0])
    progress = LessonProgress.objects.get(learner=resident, lesson=lessons[0])
    with django_assert_num_queries(2):  # the UPDATE, and the statement id's lookup
        progress.save()
    assert Statement.objects.filter(verb="completed").count() == 1

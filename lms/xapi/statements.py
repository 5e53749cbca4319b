"""Learning records as xAPI 1.0.3 statements (plain dicts, ready for the LRS).

Ids are stable: a uuid5 of the record behind the statement (a progress event's own
id with its learner, an enrolment's or attempt's row id), so building a statement
again, or a device resending its event, gives the same id. The actor is an xAPI
account on this site under a pseudonym (a keyed hash of the learner's row id): never
a name, phone number or e-mail address. A family, clan, community or unit is an
identified Group the same way (a keyed hash of its subject key), listing its member
persons, if it has any, as pseudonymous agents.
"""

import json
import uuid
from datetime import datetime, time

from django.conf import settings
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from wagtail.models import Page

from lms.xapi import vocabulary as v
from lms.xapi.conf import base_url

PSEUDONYM_SALT = "lms.xapi.actor"
# Another key for groups: household 5 and person 5 never share a name.
GROUP_PSEUDONYM_SALT = "lms.xapi.group"
# The xAPI Video profile's extension for the stretch of media played.
PLAYED_SEGMENTS = "https://w3id.org/xapi/video/extensions/played-segments"


def namespace() -> uuid.UUID:
    """Ids are this site's own: two sites sending to one LRS never collide."""
    return uuid.uuid5(uuid.NAMESPACE_URL, base_url() + "/xapi")


def statement_id(kind: str, *parts) -> uuid.UUID:
    return uuid.uuid5(namespace(), ":".join([kind, *map(str, parts)]))


def _keyed_hash(salt: str, value: str) -> str:
    secret = settings.XAPI_ACTOR_SECRET or settings.SECRET_KEY
    return salted_hmac(salt, value, secret=secret, algorithm="sha256").hexdigest()[:32]


def pseudonym(learner_id: int) -> str:
    return _keyed_hash(PSEUDONYM_SALT, str(learner_id))


def group_pseudonym(subject_key: str) -> str:
    """The group's account name: a keyed hash of its subject key (``household:5``)."""
    return _keyed_hash(GROUP_PSEUDONYM_SALT, subject_key)


def actor(learner_id: int) -> dict:
    return {
        "objectType": "Agent",
        "account": {"homePage": base_url(), "name": pseudonym(learner_id)},
    }


def group_actor(subject_key: str, member_ids=()) -> dict:
    """An identified Group (xAPI 1.0.3, 2.4.2.2): one account, optional members.

    Members are Agents (never Groups), sorted so the same members always give the
    same statement, and an LRS holding it answers a re-send as the same one.
    """
    group = {
        "objectType": "Group",
        "account": {"homePage": base_url(), "name": group_pseudonym(subject_key)},
    }
    members = sorted(
        (actor(pk) for pk in set(member_ids)), key=lambda a: a["account"]["name"]
    )
    if members:
        group["member"] = members
    return group


def activity_id(kind: str, key) -> str:
    return f"{base_url()}/xapi/activities/{kind}/{key}"


def extension(name: str) -> str:
    return f"{base_url()}/xapi/extensions/{name}"


def activity(kind: str, key, *, type_iri: str, name: str) -> dict:
    return {
        "objectType": "Activity",
        "id": activity_id(kind, key),
        "definition": {"type": type_iri, "name": {v.LANGUAGE: name}},
    }


def course_activity(course_id: int, title: str) -> dict:
    return activity("course", course_id, type_iri=v.ActivityType.COURSE, name=title)


def lesson_activity(lesson) -> dict:
    return activity(
        "lesson", lesson.pk, type_iri=v.ActivityType.LESSON, name=lesson.title
    )


def lesson_course(lesson) -> dict | None:
    """The lesson's course as a parent activity.

    One query per lesson instance: the events of one batch share their lesson's
    instance, so fifty events on one lesson look its course up once.
    """
    if not hasattr(lesson, "_xapi_course"):
        row = (
            Page.objects.filter(path=lesson.path[: -lesson.steplen])
            .values_list("pk", "title")
            .first()
        )
        lesson._xapi_course = course_activity(*row) if row else None
    return lesson._xapi_course


def iso_duration(seconds: float) -> str:
    text = f"{seconds:.2f}".rstrip("0").rstrip(".")
    return f"PT{text}S"


def timestamp(value: datetime) -> str:
    return timezone.localtime(value).isoformat()


def build(
    *,
    id: uuid.UUID,
    learner_id: int | None,
    verb: v.Verb,
    object: dict,
    at: datetime,
    result: dict | None = None,
    parents: list[dict | None] = (),
    extensions: dict | None = None,
    group: dict | None = None,
) -> dict:
    """A statement by the learner, or by ``group`` (a Group actor) when given."""
    context = {"platform": settings.WAGTAIL_SITE_NAME, "language": v.LANGUAGE}
    parents = [parent for parent in parents if parent]
    if parents:
        context["contextActivities"] = {"parent": parents}
    if extensions:
        context["extensions"] = extensions
    statement = {
        "id": str(id),
        "actor": group or actor(learner_id),
        "verb": verb.as_xapi(),
        "object": object,
        "context": context,
        "timestamp": timestamp(at),
    }
    if result:
        statement["result"] = result
    return statement


def enrolled(enrolment) -> dict:
    return build(
        id=statement_id("enrolment", enrolment.pk),
        learner_id=enrolment.learner_id,
        verb=v.REGISTERED,
        object=course_activity(enrolment.course_id, enrolment.course.title),
        at=enrolment.enrolled_at,
    )


def course_completed(enrolment) -> dict:
    return build(
        id=statement_id("course-completed", enrolment.pk),
        learner_id=enrolment.learner_id,
        verb=v.COMPLETED,
        object=course_activity(enrolment.course_id, enrolment.course.title),
        at=enrolment.completed_at,
        result={"completion": True},
    )


def time_spent(event) -> dict:
    """A ``lesson.time`` event: seconds spent on the lesson page."""
    return build(
        id=statement_id("event", event.learner_id, event.client_event_id),
        learner_id=event.learner_id,
        verb=v.EXPERIENCED,
        object=lesson_activity(event.lesson),
        at=event.at,
        result={"duration": iso_duration(event.payload["seconds"])},
        parents=[lesson_course(event.lesson)],
    )


def media_watched(event) -> dict:
    """A ``media.watched`` event: a stretch of one media of the lesson."""
    payload = event.payload
    return build(
        id=statement_id("event", event.learner_id, event.client_event_id),
        learner_id=event.learner_id,
        verb=v.PROGRESSED,
        object=activity(
            "media",
            payload["media"],
            type_iri=v.ActivityType.MEDIA,
            name=event.lesson.title,
        ),
        at=event.at,
        result={
            "duration": iso_duration(payload["to"] - payload["from"]),
            "extensions": {PLAYED_SEGMENTS: f"{payload['from']:g}[.]{payload['to']:g}"},
        },
        parents=[lesson_activity(event.lesson), lesson_course(event.lesson)],
    )


def lesson_completed_id(progress) -> uuid.UUID:
    return statement_id("lesson-completed", progress.learner_id, progress.lesson_id)


def lesson_completed(progress) -> dict:
    return build(
        id=lesson_completed_id(progress),
        learner_id=progress.learner_id,
        verb=v.COMPLETED,
        object=lesson_activity(progress.lesson),
        at=progress.completed_at,
        result={
            "completion": True,
            "duration": iso_duration(progress.seconds_spent),
        },
        parents=[lesson_course(progress.lesson)],
    )


def quiz_answered(attempt) -> dict:
    quiz = attempt.quiz
    if quiz.lesson_id:
        parents = [lesson_activity(quiz.lesson), lesson_course(quiz.lesson)]
    elif quiz.course_id:  # a course's final quiz
        parents = [course_activity(quiz.course_id, quiz.course.title)]
    else:
        parents = []
    return build(
        id=statement_id("quiz-attempt", attempt.pk),
        learner_id=attempt.learner_id,
        verb=v.ANSWERED,
        object=activity(
            "quiz", quiz.pk, type_iri=v.ActivityType.ASSESSMENT, name=quiz.title
        ),
        at=attempt.submitted_at,
        result={
            "score": {"scaled": attempt.score / 100, "raw": attempt.score},
            "success": attempt.passed,
            "completion": True,
            "response": json.dumps(attempt.answers, sort_keys=True),
        },
        parents=parents,
    )


def voided(statement: dict, *, at: datetime) -> dict:
    """Takes back a statement the LRS holds (xAPI's voiding statement)."""
    original = statement["id"]
    return {
        "id": str(statement_id("voided", original)),
        "actor": statement["actor"],
        "verb": v.VOIDED.as_xapi(),
        "object": {"objectType": "StatementRef", "id": original},
        "timestamp": timestamp(at),
    }


def attended(attendance) -> dict:
    session = attendance.session
    at = timezone.make_aware(
        datetime.combine(session.date, session.starts_at or time())
    )
    parents = []
    if session.course_id:
        parents.append(course_activity(session.course_id, session.course.title))
    return build(
        # Each time the learner is ticked present: unticking voids it, and ticking
        # again tells it anew.
        id=statement_id(
            "attendance", attendance.pk, attendance.recorded_at.isoformat()
        ),
        learner_id=attendance.learner_id,
        verb=v.ATTENDED,
        object=activity(
            "class", session.pk, type_iri=v.ActivityType.MEETING, name=session.topic
        ),
        at=at,
        result={"duration": iso_duration(float(session.hours) * 3600)},
        parents=parents,
        extensions={extension("centre"): session.centre.name},
    )


def recognised(dossier, decision, *, member_ids=()) -> dict:
    """A subject recognised by a decision: a person (a learning citizen title), or a
    family, clan, community, commune or unit as a Group with ``member_ids``."""
    with translation.override("vi"):
        title = f"{dossier.get_model_display()} {dossier.year}"
    person = dossier.person_id
    return build(
        id=statement_id("recognised", dossier.pk, decision.pk),
        learner_id=person,
        group=None if person else group_actor(dossier.subject_key, member_ids),
        verb=v.SATISFIED,
        object=activity(
            "recognition",
            f"{dossier.model}/{dossier.year}",
            type_iri=v.ActivityType.OBJECTIVE,
            name=title,
        ),
        at=dossier.recognised_at or decision.created_at,
        result={"success": True},
        extensions={
            extension("decision-number"): decision.number,
            extension("decision-date"): decision.date.isoformat(),
            extension("authority"): decision.authority,
        },
    )

"""Receivers that put a statement in the outbox when a learning record is saved.

Signals rather than calls in each service: every path that writes a record (the
learner API, the lesson pages, staff lists, recognition decisions) is covered, and
those services stay unaware of xAPI. Each receiver does nothing while xAPI is off.
"""

from django.db.models.signals import post_save

from lms.models import (
    Attendance,
    Enrolment,
    EventType,
    LessonProgress,
    ProgressEvent,
    QuizAttempt,
)
from lms.recognition.constants import AuditAction
from lms.recognition.models import AuditEntry, Decision
from lms.recognition.services.population import subject_members
from lms.xapi import conf, outbox
from lms.xapi import statements as build
from lms.xapi import vocabulary as v

TOLD = {
    AuditAction.RECOGNISED,
    AuditAction.RECOGNISED_BY_OVERRIDE,
    AuditAction.REVOKED,
}


def _changed(update_fields, name: str) -> bool:
    return update_fields is None or name in update_fields


def on_enrolment(sender, instance, created, update_fields=None, **kwargs):
    if not conf.enabled():
        return
    if created:
        outbox.add(
            learner_id=instance.learner_id,
            verb=v.REGISTERED.key,
            data=build.enrolled(instance),
        )
    if instance.completed_at and _changed(update_fields, "completed_at"):
        outbox.add_once(
            statement_id=build.statement_id("course-completed", instance.pk),
            learner_id=instance.learner_id,
            verb=v.COMPLETED.key,
            build=lambda: build.course_completed(instance),
        )


EVENT_STATEMENTS = {
    EventType.LESSON_TIME: (v.EXPERIENCED, build.time_spent),
    EventType.MEDIA_WATCHED: (v.PROGRESSED, build.media_watched),
}


def on_progress_event(sender, instance, created, **kwargs):
    # Completions and quiz answers are told by the records they produce (below):
    # a lesson also completes without a "lesson.completed" event.
    if not (created and conf.enabled()) or instance.type not in EVENT_STATEMENTS:
        return
    verb, builder = EVENT_STATEMENTS[instance.type]
    outbox.add(learner_id=instance.learner_id, verb=verb.key, data=builder(instance))


def on_lesson_progress(sender, instance, update_fields=None, **kwargs):
    if (
        conf.enabled()
        and instance.completed_at
        and _changed(update_fields, "completed_at")
    ):
        outbox.add_once(
            statement_id=build.lesson_completed_id(instance),
            learner_id=instance.learner_id,
            verb=v.COMPLETED.key,
            build=lambda: build.lesson_completed(instance),
        )


def on_quiz_attempt(sender, instance, created, **kwargs):
    if created and conf.enabled():
        outbox.add(
            learner_id=instance.learner_id,
            verb=v.ANSWERED.key,
            data=build.quiz_answered(instance),
        )


def on_attendance(sender, instance, created, update_fields=None, **kwargs):
    if not (conf.enabled() and (created or _changed(update_fields, "present"))):
        return
    record = f"attendance:{instance.pk}"
    if not instance.present:
        outbox.void(record)
    elif not outbox.live(record):
        outbox.add(
            learner_id=instance.learner_id,
            verb=v.ATTENDED.key,
            data=build.attended(instance),
            record=record,
        )


def on_audit_entry(sender, instance, created, **kwargs):
    if not (created and conf.enabled()) or instance.action not in TOLD:
        return
    dossier = instance.dossier
    if dossier is None:
        return
    record = f"recognition:{dossier.pk}"
    if instance.action == AuditAction.REVOKED:
        outbox.void(record)
        return
    decision = Decision.objects.get(pk=instance.data["decision"])
    members = ()
    if dossier.person_id is None:  # a family, clan, community or unit: a Group
        kind, pk = dossier.subject_key.split(":", 1)
        members = subject_members(kind=kind, pk=int(pk))
    outbox.add(
        learner_id=dossier.person_id,
        verb=v.SATISFIED.key,
        data=build.recognised(dossier, decision, member_ids=members),
        record=record,
    )


def connect() -> None:
    for model, receiver in (
        (Enrolment, on_enrolment),
        (ProgressEvent, on_progress_event),
        (LessonProgress, on_lesson_progress),
        (QuizAttempt, on_quiz_attempt),
        (Attendance, on_attendance),
        (AuditEntry, on_audit_entry),
    ):
        post_save.connect(
            receiver, sender=model, dispatch_uid=f"xapi.{receiver.__name__}"
        )

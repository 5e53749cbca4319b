"""A resident's rights over their data: a full JSON copy, and deletion by anonymising.

Learning records stay, because recognition and the centres' reports rely on them
(the rules require keeping them); what identifies the person is erased.

The export's shape (``format``/``version`` say which) has these top-level keys:
``profile``, ``consents``, ``enrolments``, ``lessons``, ``events``,
``daily_learning``, ``classes``, ``quiz_attempts`` (with ``answers``),
``certificates``, ``recognition`` (``dossiers`` with ``answers``, their
``evidence`` list and ``verifications``; ``audit``; ``memberships``),
``data_access_log`` (staff and officers who viewed the person's data),
``xapi_statements`` (the xAPI statements about them for the Learning Record Store,
each with its ``status`` and ``sent_at``) and ``open_badges`` (the signed credentials
issued for their certificates and their own titles, as issued). New keys
may be added; existing ones keep their meaning.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from lms.credentials.models import IssuedCredential
from lms.models import (
    Attendance,
    Certificate,
    DailyLearning,
    Enrolment,
    LessonProgress,
    PersonalDataAccess,
    ProgressEvent,
    QuizAttempt,
    TargetGroup,
    User,
)
from lms.models.learners import ERASED_USERNAME_PREFIX
from lms.recognition.services.privacy import (
    Redactor,
    anonymise_recognition,
    export_recognition,
)
from lms.xapi.selectors import statements_of

ANONYMOUS_NAME = "Người dùng đã xoá"
EXPORT_FORMAT = "hoc-tap-cong-dong/du-lieu-ca-nhan"
EXPORT_VERSION = 2

# Not needed to learn or receive certificates; they feed the learning-citizen
# evaluation (age, target group) and the village's roll-ups.
OPTIONAL_FIELDS = ("birth_year", "target_group", "village")


def _iso(value):
    return value.isoformat() if value else None


def export_data(*, user: User) -> dict:
    """Everything the platform holds about the person, as plain JSON values."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "full_name": user.full_name,
            "username": user.username,
            "phone": user.phone,
            "email": user.email,
            "birth_year": user.birth_year,
            "commune": user.commune.name if user.commune_id else None,
            "commune_code": user.commune.code if user.commune_id else None,
            "village": user.village.name if user.village_id else None,
            "target_group": user.target_group,
            "content_language": user.content_language,
            "date_joined": _iso(user.date_joined),
        },
        "consents": {
            "required_data_consent_at": _iso(user.data_consent_at),
            "optional_data_consent_at": _iso(user.optional_data_consent_at),
        },
        "enrolments": [
            {
                "course": e.course_id,
                "title": e.course.title,
                "enrolled_at": _iso(e.enrolled_at),
                "unenrolled_at": _iso(e.unenrolled_at),
                "completed_at": _iso(e.completed_at),
                "percent": e.percent,
            }
            for e in Enrolment.objects.filter(learner=user).select_related("course")
        ],
        "lessons": [
            {
                "lesson": p.lesson_id,
                "title": p.lesson.title,
                "seconds_spent": p.seconds_spent,
                "watched_seconds": p.watched_seconds,
                "completed_at": _iso(p.completed_at),
                "completion_reason": p.completion_reason,
            }
            for p in LessonProgress.objects.filter(learner=user).select_related(
                "lesson"
            )
        ],
        "events": [
            {
                "id": str(e.client_event_id),
                "type": e.type,
                "lesson": e.lesson_id,
                "at": _iso(e.at),
                "payload": e.payload,
            }
            for e in ProgressEvent.objects.filter(learner=user).order_by("at")
        ],
        "daily_learning": [
            {"day": d.day.isoformat(), "online_seconds": d.online_seconds}
            for d in DailyLearning.objects.filter(learner=user).order_by("day")
        ],
        "classes": [
            {
                "topic": a.session.topic,
                "date": a.session.date.isoformat(),
                "hours": float(a.session.hours),
                "centre": a.session.centre.name,
                "present": a.present,
            }
            for a in Attendance.objects.filter(learner=user).select_related(
                "session__centre"
            )
        ],
        "quiz_attempts": [
            {
                "quiz": q.quiz.title,
                "answers": q.answers,
                "score": q.score,
                "passed": q.passed,
                "submitted_at": _iso(q.submitted_at),
            }
            for q in QuizAttempt.objects.filter(learner=user).select_related("quiz")
        ],
        "certificates": [
            {
                "code": c.code,
                "course": c.course.title,
                "issued_at": _iso(c.issued_at),
                "hours": float(c.hours),
                "revoked_at": _iso(c.revoked_at),
            }
            for c in Certificate.objects.filter(learner=user).select_related("course")
        ],
        "recognition": export_recognition(user=user),
        "data_access_log": [
            {
                "at": _iso(a.at),
                "viewer": a.viewer_name,
                "viewer_commune": a.viewer_commune.name
                if a.viewer_commune_id
                else None,
                "what": a.what,
                "what_label": str(a.get_what_display()),
                "detail": a.detail,
            }
            for a in access_log(user=user)
        ],
        "xapi_statements": statements_of(learner_id=user.pk),
        "open_badges": [
            credential.document
            for credential in IssuedCredential.objects.filter(
                Q(certificate__learner=user) | Q(dossier__person=user)
            ).order_by("issued_at")
        ],
    }


def access_log(*, user: User):
    """Who looked at the person's data, newest first."""
    return PersonalDataAccess.objects.filter(subject=user).select_related(
        "viewer_commune"
    )


def give_optional_consent(*, user: User, **fields) -> User:
    """Keep the optional data (year of birth, target group, village) with consent."""
    if user.optional_data_consent_at is None:
        user.optional_data_consent_at = timezone.now()
    for name in OPTIONAL_FIELDS:
        if name in fields:
            setattr(user, name, fields[name])
    if not user.target_group:
        user.target_group = TargetGroup.OTHER
    user.save(update_fields=["optional_data_consent_at", *OPTIONAL_FIELDS])
    return user


def withdraw_optional_consent(*, user: User) -> User:
    """Withdrawing the second consent clears every optional field it covered."""
    user.optional_data_consent_at = None
    user.birth_year = None
    user.target_group = TargetGroup.OTHER
    user.village = None
    user.save(update_fields=["optional_data_consent_at", *OPTIONAL_FIELDS])
    return user


def _identifiers(user: User) -> list[str]:
    needles = [user.full_name, user.get_full_name(), user.email, user.username]
    if user.phone:
        needles += [user.phone, "+84" + user.phone[1:], "84" + user.phone[1:]]
    return needles


@transaction.atomic
def anonymise(*, user: User) -> User:
    """Erase what identifies the person; keep learning records for the statistics.

    Recognition records are anonymised (see ``lms.recognition.services.privacy``);
    certificates keep their code, course and hours so a printed one can still be
    checked, but the name is gone; views others made of the person's data stay
    in the log without the person's name.
    """
    redact = Redactor(_identifiers(user), ANONYMOUS_NAME)
    anonymise_recognition(user=user, redact=redact)
    for certificate in Certificate.objects.filter(
        Q(learner=user) | Q(revoked_by=user)
    ).exclude(revoked_reason=""):
        reason = redact(certificate.revoked_reason)
        if reason != certificate.revoked_reason:
            Certificate.objects.filter(pk=certificate.pk).update(revoked_reason=reason)
    PersonalDataAccess.objects.filter(viewer=user).update(viewer_name=ANONYMOUS_NAME)
    user.full_name = ANONYMOUS_NAME
    user.first_name = user.last_name = ""
    user.username = f"{ERASED_USERNAME_PREFIX}{user.pk}"
    user.phone = ""
    user.email = ""
    user.birth_year = None
    user.village = None
    user.is_active = False
    user.data_consent_at = None
    user.optional_data_consent_at = None
    user.set_unusable_password()
    user.save()
    # The raw device events add nothing the totals do not already hold.
    ProgressEvent.objects.filter(learner=user).update(payload={})
    return user

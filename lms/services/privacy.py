"""A resident's rights over their data: a full JSON copy, and deletion by anonymising.

Learning records stay, because recognition and the centres' reports rely on them
(the rules require keeping them); what identifies the person is erased.
"""

from django.db import transaction
from django.utils import timezone

from lms.models import (
    Attendance,
    Certificate,
    DailyLearning,
    Enrolment,
    LessonProgress,
    ProgressEvent,
    QuizAttempt,
    User,
)

ANONYMOUS_NAME = "Người học đã xoá dữ liệu"


def _iso(value):
    return value.isoformat() if value else None


def export_data(*, user: User) -> dict:
    """Everything the platform holds about the person, as plain JSON values."""
    return {
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
            "data_consent_at": _iso(user.data_consent_at),
            "date_joined": _iso(user.date_joined),
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
                "id": str(e.id),
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
    }


@transaction.atomic
def anonymise(*, user: User) -> User:
    """Erase what identifies the person; keep learning records for the statistics."""
    user.full_name = ANONYMOUS_NAME
    user.first_name = user.last_name = ""
    user.username = f"deleted-{user.pk}"
    user.phone = ""
    user.email = ""
    user.birth_year = None
    user.village = None
    user.is_active = False
    user.data_consent_at = None
    user.set_unusable_password()
    user.save()
    # The raw device events add nothing the totals do not already hold.
    ProgressEvent.objects.filter(learner=user).update(payload={})
    return user

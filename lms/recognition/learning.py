"""Writing learning records directly, for the demo and the tests.

Real learning reaches these tables through the LMS; the demo and the tests need a
person's year of learning in one call.
"""

import datetime

from django.utils import timezone

from lms.models import Attendance, Certificate, ClassSession, DailyLearning, Enrolment
from lms.selectors import course_measured_hours


def record_learning(
    *,
    person,
    year: int,
    online_hours: float = 0,
    courses=(),
    classes=(),
    certificate: bool = False,
) -> None:
    """Give ``person`` online hours, completed ``courses`` and attended ``classes``.

    ``classes`` are ClassSession rows; ``courses`` CoursePage pages. Safe to repeat.
    """
    if online_hours:
        DailyLearning.objects.update_or_create(
            learner=person,
            day=datetime.date(year, 3, 15),
            defaults={
                "online_seconds": int(online_hours * 3600),
                "commune": person.commune,
            },
        )
    completed = timezone.make_aware(datetime.datetime(year, 6, 1, 10))
    for course in courses:
        enrolment, _created = Enrolment.objects.get_or_create(
            learner=person,
            course=course,
            unenrolled_at=None,
            defaults={
                "commune": person.commune,
                "enrolled_at": completed - datetime.timedelta(days=30),
                "completed_at": completed,
                "percent": 100,
            },
        )
        if certificate and not Certificate.objects.filter(enrolment=enrolment).exists():
            Certificate.objects.create(
                learner=person,
                course=course,
                enrolment=enrolment,
                issued_at=completed,
                # Only measured hours: lesson time and linked sessions, not the
                # course's estimate (the demo's online hours are not per course).
                hours=course_measured_hours(learner_id=person.pk, course=course),
                centre=getattr(course, "centre", None),
            )
    for session in classes:
        Attendance.objects.get_or_create(
            session=session,
            learner=person,
            defaults={"present": True, "commune": person.commune},
        )


def class_sessions(*, centre, year: int, topics, hours: float = 2) -> list:
    """One class session per topic in the year (existing ones are reused)."""
    sessions = []
    for index, topic in enumerate(topics):
        session, _created = ClassSession.objects.get_or_create(
            centre=centre,
            topic=topic,
            date=datetime.date(year, 4, 1 + index),
            defaults={"hours": hours},
        )
        sessions.append(session)
    return sessions

"""In-person class sessions and the attendance staff record on a tick list."""

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, QuerySet

from cms.models import Centre, CoursePage
from lms.models import Attendance, ClassSession, Enrolment, User


@transaction.atomic
def create_session(
    *,
    centre: Centre,
    topic: str,
    date: date,
    hours: Decimal,
    created_by: User,
    starts_at: time | None = None,
    place: str = "",
    course: CoursePage | None = None,
    community_topic: str = "",
) -> ClassSession:
    """Create one class session of a centre."""
    return ClassSession.objects.create(
        centre=centre,
        topic=topic,
        date=date,
        hours=hours,
        starts_at=starts_at,
        place=place,
        course=course,
        community_topic=community_topic,
        created_by=created_by,
    )


def tick_list_people(*, session: ClassSession) -> QuerySet[User]:
    """Who the tick list offers: residents of the centre's commune, people enrolled
    in the linked course, and anyone already on the session's list."""
    match = Q(commune_id=session.centre.commune_id) | Q(attendances__session=session)
    if session.course_id:
        enrolled = Enrolment.objects.filter(
            course_id=session.course_id, unenrolled_at__isnull=True
        ).values("learner_id")
        match |= Q(pk__in=enrolled)
    return (
        User.objects.filter(match, is_active=True)
        .distinct()
        .order_by("full_name", "username")
    )


@dataclass(frozen=True)
class AttendanceChange:
    present: int
    absent: int


@transaction.atomic
def record_attendance(
    *,
    session: ClassSession,
    present_ids: set[int],
    offered_ids: set[int],
    recorded_by: User,
) -> AttendanceChange:
    """Save the tick list: ticked people present, the other offered people absent.

    Only people offered on the list are touched, so two staff ticking different
    parts of a long list do not undo each other.
    """
    allowed = set(
        tick_list_people(session=session)
        .filter(pk__in=offered_ids | present_ids)
        .values_list("pk", flat=True)
    )
    people = User.objects.filter(pk__in=allowed).only("pk", "commune_id")
    existing = {a.learner_id: a for a in session.attendances.select_for_update()}
    present = absent = 0
    for person in people:
        is_present = person.pk in present_ids
        present += is_present
        absent += not is_present
        attendance = existing.get(person.pk)
        if attendance is None:
            if not is_present:
                continue
            Attendance.objects.create(
                session=session,
                learner=person,
                present=True,
                commune_id=person.commune_id,
                recorded_by=recorded_by,
            )
        elif attendance.present != is_present:
            attendance.present = is_present
            attendance.recorded_by = recorded_by
            attendance.save(update_fields=["present", "recorded_by", "recorded_at"])
    return AttendanceChange(present=present, absent=absent)


@transaction.atomic
def register_for_session(
    *, session: ClassSession, learners: list[User], recorded_by: User
) -> int:
    """Put people on a session's list before it takes place (not yet present)."""
    added = 0
    for learner in learners:
        _attendance, created = Attendance.objects.get_or_create(
            session=session,
            learner=learner,
            defaults={
                "present": False,
                "commune_id": learner.commune_id,
                "recorded_by": recorded_by,
            },
        )
        added += created
    return added

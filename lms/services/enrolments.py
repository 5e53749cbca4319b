"""Enrolling learners in courses and leaving them; leaving keeps the history."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from cms.models import CoursePage
from cms.translations import source_page
from lms.models import Enrolment, User
from lms.services.progress import refresh_enrolment


@dataclass(frozen=True)
class EnrolResult:
    enrolment: Enrolment
    created: bool


def active_enrolment(*, learner: User, course_id: int) -> Enrolment | None:
    return Enrolment.objects.filter(
        learner=learner, course_id=course_id, unenrolled_at__isnull=True
    ).first()


def enrol(
    *, learner: User, course: CoursePage, enrolled_by: User | None = None
) -> EnrolResult:
    """Enrol once: an active enrolment is returned as it is, never doubled.

    Enrolling from a translated course enrols in its Vietnamese source: one course.
    """
    course = source_page(course)
    existing = active_enrolment(learner=learner, course_id=course.pk)
    if existing:
        return EnrolResult(enrolment=existing, created=False)
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                learner=learner,
                course=course,
                commune_id=learner.commune_id,
                enrolled_at=timezone.now(),
                enrolled_by=enrolled_by,
            )
    except IntegrityError:
        # Another request enrolled the same person a moment ago.
        return EnrolResult(
            enrolment=active_enrolment(learner=learner, course_id=course.pk),
            created=False,
        )
    # Lessons done before (in an earlier enrolment) count again.
    return EnrolResult(enrolment=refresh_enrolment(enrolment=enrolment), created=True)


def unenrol(*, enrolment: Enrolment) -> Enrolment:
    """Close the enrolment; its progress and dates stay for the record."""
    if enrolment.unenrolled_at is None:
        enrolment.unenrolled_at = timezone.now()
        enrolment.save(update_fields=["unenrolled_at"])
    return enrolment


def enrol_many(
    *, learners: list[User], course: CoursePage, enrolled_by: User
) -> list[EnrolResult]:
    """Staff enrol a list of residents; those already enrolled are left as they are."""
    return [
        enrol(learner=learner, course=course, enrolled_by=enrolled_by)
        for learner in learners
    ]

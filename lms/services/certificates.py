"""Certificates: issued once per completed enrolment, revocable; the PDF is drawn by
`lms.course_certificate`."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.models import Centre
from lms.models import Certificate, Enrolment, User
from lms.selectors import course_measured_hours


def issue_certificate(*, enrolment: Enrolment) -> Certificate | None:
    """The certificate of a completed enrolment, created the first time only.

    It states the hours measured in the course (course_measured_hours), never the
    course's estimate; with no measured learning at all no certificate is issued.
    """
    if enrolment.completed_at is None:
        raise ValueError("Only a completed enrolment earns a certificate.")
    existing = Certificate.objects.filter(enrolment=enrolment).first()
    if existing:
        return existing
    course = enrolment.course
    hours = course_measured_hours(learner_id=enrolment.learner_id, course=course)
    if hours <= 0:
        return None
    centre = (
        course.centre or Centre.objects.filter(commune_id=enrolment.commune_id).first()
    )
    certificate, _created = Certificate.objects.get_or_create(
        enrolment=enrolment,
        defaults={
            "learner_id": enrolment.learner_id,
            "course": course,
            "issued_at": enrolment.completed_at,
            "hours": hours,
            "centre": centre,
        },
    )
    return certificate


@transaction.atomic
def revoke_certificate(
    *, certificate: Certificate, revoked_by: User, reason: str
) -> Certificate:
    """Revoke with a stated reason; the row stays so the verify page can say so."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Please give the reason for revoking the certificate."))
    if certificate.revoked_at is None:
        certificate.revoked_at = timezone.now()
        certificate.revoked_reason = reason
        certificate.revoked_by = revoked_by
        certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    return certificate


def verify_url(certificate: Certificate, *, base_url: str = "") -> str:
    base = (base_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    return base + reverse("lms:verify", args=[certificate.code])

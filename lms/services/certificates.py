"""Certificates: issued once per completed enrolment, revocable, printable as PDF."""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from cms.models import Centre
from lms.models import Certificate, Enrolment, User
from lms.pdf_fonts import BOLD, REGULAR, register_fonts
from lms.qr import qr_image
from lms.selectors import course_measured_hours

FONT, FONT_BOLD = REGULAR, BOLD


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


def certificate_pdf(certificate: Certificate, *, base_url: str = "") -> bytes:
    """The certificate as a one-page A4 PDF, in Vietnamese, with its font embedded."""
    register_fonts()
    url = verify_url(certificate, base_url=base_url)
    learner = certificate.learner
    with translation.override("vi"):
        lines = {
            "heading": _("CERTIFICATE OF COMPLETION"),
            "certifies": _("This certifies that"),
            "completed": _("has completed the course"),
            "hours": _("Measured learning hours: %(hours)s")
            % {"hours": formats.number_format(certificate.hours, 1)},
            "dates": _("Enrolled on %(enrolled)s, completed on %(completed)s")
            % {
                "enrolled": formats.date_format(
                    timezone.localtime(certificate.enrolment.enrolled_at), "d/m/Y"
                ),
                "completed": formats.date_format(
                    timezone.localtime(certificate.enrolment.completed_at), "d/m/Y"
                ),
            },
            "centre": certificate.centre.name if certificate.centre else "",
            "date": _("Issued on %(date)s")
            % {
                "date": formats.date_format(
                    timezone.localtime(certificate.issued_at), "d/m/Y"
                )
            },
            "code": _("Verification code: %(code)s") % {"code": certificate.code},
            "verify": _("Check this certificate at %(url)s") % {"url": url},
        }
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(f"{lines['heading']} – {certificate.code}")
    pdf.setLineWidth(3)
    pdf.rect(30, 30, width - 60, height - 60)
    centre_x = width / 2
    pdf.setFont(FONT_BOLD, 30)
    pdf.drawCentredString(centre_x, height - 120, lines["heading"])
    pdf.setFont(FONT, 16)
    pdf.drawCentredString(centre_x, height - 175, lines["certifies"])
    pdf.setFont(FONT_BOLD, 26)
    pdf.drawCentredString(centre_x, height - 215, learner.get_full_name())
    pdf.setFont(FONT, 16)
    pdf.drawCentredString(centre_x, height - 255, lines["completed"])
    pdf.setFont(FONT_BOLD, 20)
    pdf.drawCentredString(centre_x, height - 290, certificate.course.title)
    pdf.setFont(FONT, 14)
    pdf.drawCentredString(centre_x, height - 330, lines["hours"])
    pdf.drawCentredString(centre_x, height - 352, lines["dates"])
    pdf.drawCentredString(centre_x, height - 374, lines["centre"])
    pdf.drawCentredString(centre_x, height - 396, lines["date"])
    pdf.setFont(FONT, 11)
    pdf.drawString(60, 90, lines["code"])
    pdf.drawString(60, 72, lines["verify"])
    pdf.drawImage(qr_image(url), width - 180, 55, width=110, height=110)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()

"""The course-completion certificate (giấy chứng nhận hoàn thành khoá học) as a PDF
in the official layout, like the recognition certificate.

Landscape A4 in a double frame: top left the centre (trung tâm học tập cộng đồng)
under its commune's People's Committee, which it belongs to, over a short rule; top
right quốc hiệu and tiêu ngữ; the learner, the course, the measured hours and the
dates; the place and date in italics over the centre director's signature; bottom
left a QR code to the public verify page with its address and code. Fixed Vietnamese
document text, every glyph in an embedded DejaVu serif face.
"""

import io
from dataclasses import dataclass

from django.utils import formats, timezone, translation
from reportlab.lib.utils import simpleSplit

from lms import official_pdf
from lms.models import Certificate
from lms.official_layout import date_words, place_and_date
from lms.pdf_fonts import register_serif_fonts
from lms.services.certificates import verify_url

TITLE = "GIẤY CHỨNG NHẬN HOÀN THÀNH KHOÁ HỌC"
SIGNER = "Giám đốc"  # the head of a community learning centre


@dataclass(frozen=True)
class Issuer:
    parent: str  # Uỷ ban nhân dân xã Tả Van
    body: str  # Trung tâm học tập cộng đồng xã Tả Van
    place: str  # the commune, for the place-and-date line


def issuer_of(certificate: Certificate) -> Issuer:
    """The centre that issued the certificate, under its commune's People's
    Committee; a certificate from a commune without a centre names no body."""
    centre = certificate.centre
    if centre is None:
        return Issuer(parent="", body="", place="")
    commune = centre.commune.name
    return Issuer(parent=f"Uỷ ban nhân dân {commune}", body=centre.name, place=commune)


def _day(moment) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y")


def certificate_pdf(certificate: Certificate, *, base_url: str = "") -> bytes:
    """One landscape A4 page; its QR code and address lead to the verify page."""
    faces = register_serif_fonts()
    url = verify_url(certificate, base_url=base_url)
    issuer = issuer_of(certificate)
    learner = certificate.learner
    enrolment = certificate.enrolment
    with translation.override("vi"):
        hours = formats.number_format(certificate.hours, 1)
    issued = timezone.localtime(certificate.issued_at).date()

    buffer = io.BytesIO()
    pdf, width, height = official_pdf.certificate_page(
        buffer,
        faces,
        title=f"{TITLE.capitalize()} – {certificate.code}",
        author=issuer.body,
        parent=issuer.parent,
        body=issuer.body,
    )

    centre = width / 2
    pdf.setFont(faces.bold, 26)
    pdf.drawCentredString(centre, height - 150, TITLE)
    if issuer.body:
        pdf.setFont(faces.italic, 15)
        pdf.drawCentredString(centre, height - 180, issuer.body)
    pdf.setFont(faces.regular, 15)
    pdf.drawCentredString(centre, height - 202, "chứng nhận")
    pdf.setFont(faces.bold, 24)
    pdf.drawCentredString(centre, height - 236, learner.get_full_name())
    pdf.setFont(faces.regular, 15)
    pdf.drawCentredString(centre, height - 266, "đã hoàn thành khoá học")
    pdf.setFont(faces.bold, 20)
    y = height - 294
    for line in simpleSplit(certificate.course.title, faces.bold, 20, width * 0.8)[:2]:
        pdf.drawCentredString(centre, y, line)
        y -= 24
    pdf.setFont(faces.regular, 13)
    pdf.drawCentredString(centre, y - 6, f"Số giờ học thực tế: {hours} giờ")
    pdf.drawCentredString(
        centre,
        y - 24,
        f"Ghi danh ngày {_day(enrolment.enrolled_at)}, "
        f"hoàn thành ngày {_day(enrolment.completed_at)}",
    )

    place_date = (
        place_and_date(issuer.place, issued) if issuer.place else date_words(issued)
    )
    official_pdf.signer(
        pdf, faces, width=width, y=y - 62, place_date=place_date, title=SIGNER
    )
    official_pdf.verify_block(pdf, faces, url=url, code=certificate.code)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()

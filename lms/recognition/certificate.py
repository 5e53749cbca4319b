"""The recognition certificate (giấy chứng nhận) as a PDF in the official layout.

Landscape A4 with the parts of Nghị định 30/2020/NĐ-CP a certificate carries: the
authority (and its parent) top left over a short rule, quốc hiệu and tiêu ngữ top
right with the tiêu ngữ underlined; the title, the subject and the decision that
recognised it; the place and date in italics over the signer block; bottom left a
QR code to the public verify page with its address and code. Every glyph is set in
an embedded DejaVu face.
"""

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from lms.official_layout import MOTTO, NATION, place_and_date
from lms.pdf_fonts import register_serif_fonts
from lms.qr import qr_image
from lms.recognition import decision_document
from lms.recognition.decision_document import issuer, issuing_place
from lms.recognition.titles import title_words


def verify_url(dossier, *, base_url: str) -> str:
    return decision_document.verify_url(dossier.public_code, base_url=base_url)


def _underline(pdf, x_centre: float, y: float, text: str, font, size, share=1.0):
    half = stringWidth(text, font, size) * share / 2
    pdf.setLineWidth(0.6)
    pdf.line(x_centre - half, y, x_centre + half, y)


def certificate_pdf(dossier, *, base_url: str) -> bytes:
    """One landscape A4 page naming the subject, the title, year and decision,
    with a QR code to the public page that confirms it."""
    faces = register_serif_fonts()
    decision = dossier.decision
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height), initialFontName=faces.regular)
    pdf.setTitle(f"Giấy chứng nhận {dossier.subject_name}")
    pdf.setAuthor(decision.authority)
    pdf.setLineWidth(3)
    pdf.rect(24, 24, width - 48, height - 48)
    pdf.setLineWidth(0.8)
    pdf.rect(30, 30, width - 60, height - 60)

    left, right, top = width * 0.27, width * 0.68, height - 62
    if decision.parent_authority:
        pdf.setFont(faces.regular, 12)
        pdf.drawCentredString(left, top, decision.parent_authority.upper())
    authority = decision.authority.upper()
    pdf.setFont(faces.bold, 12)
    pdf.drawCentredString(left, top - 16, authority)
    _underline(pdf, left, top - 21, authority, faces.bold, 12, share=0.4)
    pdf.setFont(faces.bold, 12)
    pdf.drawCentredString(right, top, NATION)
    pdf.setFont(faces.bold, 13)
    pdf.drawCentredString(right, top - 16, MOTTO)
    _underline(pdf, right, top - 20, MOTTO, faces.bold, 13)

    centre = width / 2
    words = title_words(dossier.model)
    pdf.setFont(faces.bold, 30)
    pdf.drawCentredString(centre, height - 150, "GIẤY CHỨNG NHẬN")
    pdf.setFont(faces.italic, 15)
    pdf.drawCentredString(
        centre, height - 182, f"{issuer(decision.signer_title, decision.authority)}"
    )
    pdf.setFont(faces.regular, 15)
    pdf.drawCentredString(centre, height - 204, "chứng nhận")
    pdf.setFont(faces.bold, 24)
    pdf.drawCentredString(centre, height - 240, dossier.subject_name)
    place = dossier.village.name + ", " if dossier.village_id else ""
    pdf.setFont(faces.regular, 13)
    pdf.drawCentredString(centre, height - 262, f"{place}{dossier.commune.name}")
    pdf.setFont(faces.regular, 15)
    pdf.drawCentredString(centre, height - 292, "đạt danh hiệu")
    pdf.setFont(faces.bold, 22)
    pdf.drawCentredString(
        centre, height - 324, f"{words.title.upper()} NĂM {dossier.year}"
    )
    pdf.setFont(faces.italic, 13)
    pdf.drawCentredString(
        centre,
        height - 352,
        f"(Theo Quyết định số {decision.number} ngày {decision.date:%d/%m/%Y})",
    )

    pdf.setFont(faces.italic, 13)
    pdf.drawCentredString(
        right,
        height - 392,
        place_and_date(issuing_place(decision, dossier), decision.date),
    )
    pdf.setFont(faces.bold, 13)
    pdf.drawCentredString(right, height - 410, decision.signer_title.upper())
    pdf.drawCentredString(right, 62, decision.signer_name)

    if dossier.public_code:
        url = verify_url(dossier, base_url=base_url)
        pdf.drawImage(qr_image(url), 52, 76, width=90, height=90)
        pdf.setFont(faces.regular, 9)
        pdf.drawString(52, 64, f"Mã xác thực: {dossier.public_code}")
        pdf.drawString(52, 52, f"Kiểm tra: {url}")
        pdf.linkURL(url, (52, 76, 142, 166))
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()

"""The recognition certificate (giấy chứng nhận) as a PDF in the official layout.

Landscape A4 with the parts of Nghị định 30/2020/NĐ-CP a certificate carries: the
authority (and its parent) top left over a short rule, quốc hiệu and tiêu ngữ top
right with the tiêu ngữ underlined; the title, the subject and the decision that
recognised it; the place and date in italics over the signer block; bottom left a
QR code to the public verify page with its address and code. Every glyph is set in
an embedded DejaVu face.
"""

import io

from lms import official_pdf
from lms.official_layout import place_and_date
from lms.pdf_fonts import register_serif_fonts
from lms.recognition import decision_document
from lms.recognition.decision_document import issuer, issuing_place
from lms.recognition.titles import title_words


def verify_url(dossier, *, base_url: str) -> str:
    return decision_document.verify_url(dossier.public_code, base_url=base_url)


def certificate_pdf(dossier, *, base_url: str) -> bytes:
    """One landscape A4 page naming the subject, the title, year and decision,
    with a QR code to the public page that confirms it."""
    faces = register_serif_fonts()
    decision = dossier.decision
    buffer = io.BytesIO()
    pdf, width, height = official_pdf.certificate_page(
        buffer,
        faces,
        title=f"Giấy chứng nhận {dossier.subject_name}",
        author=decision.authority,
        parent=decision.parent_authority,
        body=decision.authority,
    )

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

    official_pdf.signer(
        pdf,
        faces,
        width=width,
        y=height - 392,
        place_date=place_and_date(issuing_place(decision, dossier), decision.date),
        title=decision.signer_title,
    )
    right = width * official_pdf.RIGHT
    pdf.drawCentredString(right, 62, decision.signer_name)

    if dossier.public_code:
        url = verify_url(dossier, base_url=base_url)
        official_pdf.verify_block(pdf, faces, url=url, code=dossier.public_code)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()

"""The recognition certificate (giấy chứng nhận) as a PDF, with Vietnamese text."""

import io

from django.urls import reverse
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from lms.pdf_fonts import register_fonts
from lms.qr import qr_image

_TITLES = {
    "citizen": "CÔNG DÂN HỌC TẬP",
    "family": "GIA ĐÌNH HỌC TẬP",
    "clan": "DÒNG HỌ HỌC TẬP",
    "community": "CỘNG ĐỒNG HỌC TẬP",
    "commune": "CỘNG ĐỒNG HỌC TẬP CẤP XÃ",
    "unit": "ĐƠN VỊ HỌC TẬP",
}


def verify_url(dossier, *, base_url: str) -> str:
    path = reverse("recognition:verify", args=[dossier.public_code])
    return base_url.rstrip("/") + path


def certificate_pdf(dossier, *, base_url: str) -> bytes:
    """One landscape A4 page naming the subject, the title, year and decision,
    with a QR code to the public page that confirms it."""
    regular, bold = register_fonts()
    decision = dossier.decision
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(f"Giấy chứng nhận {dossier.subject_name}")
    pdf.setLineWidth(3)
    pdf.rect(24, 24, width - 48, height - 48)
    center = width / 2
    pdf.setFont(bold, 13)
    pdf.drawCentredString(center, height - 70, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    pdf.setFont(regular, 12)
    pdf.drawCentredString(center, height - 88, "Độc lập – Tự do – Hạnh phúc")
    pdf.setFont(bold, 15)
    pdf.drawCentredString(center, height - 130, decision.authority.upper())
    pdf.setFont(bold, 30)
    pdf.drawCentredString(center, height - 190, "GIẤY CHỨNG NHẬN")
    pdf.setFont(regular, 16)
    pdf.drawCentredString(center, height - 230, "Công nhận")
    pdf.setFont(bold, 24)
    pdf.drawCentredString(center, height - 270, dossier.subject_name)
    place = dossier.village.name + ", " if dossier.village_id else ""
    pdf.setFont(regular, 13)
    pdf.drawCentredString(center, height - 298, f"{place}{dossier.commune.name}")
    pdf.setFont(regular, 16)
    pdf.drawCentredString(center, height - 335, "đạt danh hiệu")
    pdf.setFont(bold, 22)
    pdf.drawCentredString(
        center, height - 370, f"{_TITLES[dossier.model]} NĂM {dossier.year}"
    )
    pdf.setFont(regular, 12)
    pdf.drawCentredString(
        center,
        height - 410,
        f"Quyết định số {decision.number} ngày {decision.date:%d/%m/%Y}",
    )
    if dossier.public_code:
        url = verify_url(dossier, base_url=base_url)
        pdf.drawImage(qr_image(url), 60, 60, width=90, height=90)
        pdf.setFont(regular, 9)
        pdf.drawString(60, 48, f"Kiểm tra: {url}")
        pdf.setFont(regular, 12)
    pdf.drawCentredString(width * 0.72, 120, decision.signer_title.upper())
    pdf.setFont(bold, 13)
    pdf.drawCentredString(width * 0.72, 70, decision.signer_name)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()

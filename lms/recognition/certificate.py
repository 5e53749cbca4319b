"""The recognition certificate (giấy chứng nhận) as a PDF, with Vietnamese text."""

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from lms.pdf_fonts import register_fonts

_TITLES = {
    "citizen": "CÔNG DÂN HỌC TẬP",
    "family": "GIA ĐÌNH HỌC TẬP",
    "clan": "DÒNG HỌ HỌC TẬP",
    "community": "CỘNG ĐỒNG HỌC TẬP",
    "commune": "CỘNG ĐỒNG HỌC TẬP CẤP XÃ",
    "unit": "ĐƠN VỊ HỌC TẬP",
}


def certificate_pdf(dossier) -> bytes:
    """One landscape A4 page naming the subject, the title, year and decision."""
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
    pdf.drawCentredString(width * 0.72, 120, decision.signer_title.upper())
    pdf.setFont(bold, 13)
    pdf.drawCentredString(width * 0.72, 70, decision.signer_name)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()

"""The drawn parts every official PDF page shares (recognition and course
certificates): the double frame, the header of Nghị định 30/2020/NĐ-CP (the issuing
body under its parent top left over a short rule, quốc hiệu and tiêu ngữ top right
with the tiêu ngữ underlined), the signer block under the place and date, and the QR
code of the public verify page.
Texts come from `official_layout`; faces from `pdf_fonts.register_serif_fonts`.
"""

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from lms.official_layout import MOTTO, NATION
from lms.pdf_fonts import Faces
from lms.qr import qr_image

HEADER_SIZE = 12
LINE = 16  # between the header's lines
LEFT, RIGHT = 0.27, 0.68  # the centres of the header's halves, as page shares


def underline(pdf, x_centre: float, y: float, text: str, font, size, share=1.0):
    """A rule under ``text`` centred on ``x_centre``; ``share`` of its length."""
    half = stringWidth(text, font, size) * share / 2
    pdf.setLineWidth(0.6)
    pdf.line(x_centre - half, y, x_centre + half, y)


def frame(pdf, width: float, height: float) -> None:
    """The certificate's border: a thick line and a thin one inside it."""
    pdf.setLineWidth(3)
    pdf.rect(24, 24, width - 48, height - 48)
    pdf.setLineWidth(0.8)
    pdf.rect(30, 30, width - 60, height - 60)


def header(pdf, faces: Faces, *, width: float, top: float, parent: str, body: str):
    """Parent body (may be empty) and issuing body top left, upper case, the body
    over a rule of 40 % of its width and wrapped if it would reach the middle;
    quốc hiệu and tiêu ngữ top right."""
    left, right = width * LEFT, width * RIGHT
    if parent:
        pdf.setFont(faces.regular, HEADER_SIZE)
        pdf.drawCentredString(left, top, parent.upper())
    lines = simpleSplit(body.upper(), faces.bold, HEADER_SIZE, width * 0.44)
    pdf.setFont(faces.bold, HEADER_SIZE)
    y = top
    for line in lines:
        y -= LINE
        pdf.drawCentredString(left, y, line)
    if lines:
        underline(pdf, left, y - 5, lines[-1], faces.bold, HEADER_SIZE, share=0.4)
    pdf.setFont(faces.bold, HEADER_SIZE)
    pdf.drawCentredString(right, top, NATION)
    pdf.setFont(faces.bold, 13)
    pdf.drawCentredString(right, top - LINE, MOTTO)
    underline(pdf, right, top - LINE - 4, MOTTO, faces.bold, 13)


def signer(pdf, faces: Faces, *, width: float, y: float, place_date: str, title: str):
    """The place and date in italics over the signer's title, on the right."""
    right = width * RIGHT
    pdf.setFont(faces.italic, 13)
    pdf.drawCentredString(right, y, place_date)
    pdf.setFont(faces.bold, 13)
    pdf.drawCentredString(right, y - 18, title.upper())


def verify_block(pdf, faces: Faces, *, url: str, code: str) -> None:
    """Bottom left: a QR code linked to the public verify page, its code and address."""
    pdf.drawImage(qr_image(url), 52, 76, width=90, height=90)
    pdf.setFont(faces.regular, 9)
    pdf.drawString(52, 64, f"Mã xác thực: {code}")
    pdf.drawString(52, 52, f"Kiểm tra: {url}")
    pdf.linkURL(url, (52, 76, 142, 166))


def certificate_page(
    buffer, faces: Faces, *, title: str, author: str, parent: str, body: str
):
    """A landscape A4 certificate page with its frame and official header drawn:
    the canvas, its width and its height."""
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height), initialFontName=faces.regular)
    pdf.setTitle(title)
    if author:
        pdf.setAuthor(author)
    frame(pdf, width, height)
    header(pdf, faces, width=width, top=height - 62, parent=parent, body=body)
    return pdf, width, height

"""A recognition decision as a PDF in the layout of Nghị định 30/2020/NĐ-CP.

A4 portrait, margins 20/20/30/15 mm, a serif face at 12–14 pt with every
Vietnamese glyph embedded: authority (and its parent) top left over a short rule
and the number; quốc hiệu and tiêu ngữ top right, the tiêu ngữ underlined along its
length, then the place and date in italics; the kind of document and its subject;
the issuer, the legal bases in italics, "QUYẾT ĐỊNH:" and the articles; "Nơi
nhận:" beside the signer block. The annex starts on a new page and repeats its
header row on every page; each row has a QR code to the subject's verify page.
Page numbers from the second page, centred at the top.
"""

import io
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    HRFlowable,
    Image,
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from lms.official_layout import MOTTO, NATION
from lms.pdf_fonts import Faces, register_serif_fonts
from lms.qr import qr_png
from lms.recognition.decision_document import DecisionDocument, decision_document

LEFT, RIGHT, TOP, BOTTOM = 30 * mm, 15 * mm, 20 * mm, 20 * mm
TEXT_WIDTH = A4[0] - LEFT - RIGHT
QR_SIZE = 16 * mm


def _styles(faces: Faces) -> dict[str, ParagraphStyle]:
    def style(name, font, size, align=TA_CENTER, **extra):
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=size * 1.25,
            alignment=align,
            **extra,
        )

    body = {"firstLineIndent": 10 * mm, "spaceBefore": 4}
    return {
        "parent": style("parent", faces.regular, 12),
        "authority": style("authority", faces.bold, 12),
        "nation": style("nation", faces.bold, 12),
        "motto": style("motto", faces.bold, 13),
        "number": style("number", faces.regular, 13),
        "place_date": style("place_date", faces.italic, 13),
        "kind": style("kind", faces.bold, 14, spaceBefore=18),
        "about": style("about", faces.bold, 14),
        "competence": style("competence", faces.bold, 14, spaceBefore=10),
        "basis": style("basis", faces.italic, 14, TA_JUSTIFY, **body),
        "decides": style("decides", faces.bold, 14, spaceBefore=10, spaceAfter=4),
        "article": style("article", faces.regular, 14, TA_JUSTIFY, **body),
        "recipients_head": style("recipients_head", faces.bold_italic, 12, TA_LEFT),
        "recipient": style("recipient", faces.regular, 11, TA_LEFT),
        "signer": style("signer", faces.bold, 14),
        "annex": style("annex", faces.bold, 14),
        "annex_reference": style("annex_reference", faces.italic, 13),
        "head": style("head", faces.bold, 11),
        "cell": style("cell", faces.regular, 11, TA_LEFT),
        "code": style("code", faces.regular, 8),
    }


def _rule(text: str, font: str, size: float, *, share: float, room: float):
    """A rule under a line of text, ``share`` of its printed length."""
    width = min(stringWidth(text, font, size), room) * share
    return HRFlowable(
        width=width,
        thickness=0.6,
        color="black",
        spaceBefore=1,
        spaceAfter=4,
        hAlign="CENTER",
    )


def _plain_table(rows, widths, faces: Faces) -> Table:
    table = Table(rows, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                # A table sets its cells' font even when they hold paragraphs: keep
                # it ours, not Helvetica (a core font without Vietnamese glyphs).
                ("FONTNAME", (0, 0), (-1, -1), faces.regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _header(doc: DecisionDocument, s, faces: Faces) -> Table:
    left_width, right_width = 68 * mm, TEXT_WIDTH - 68 * mm
    authority = doc.authority.upper()
    left = [
        *(
            [Paragraph(escape(doc.parent_authority.upper()), s["parent"])]
            if doc.parent_authority
            else []
        ),
        Paragraph(escape(authority), s["authority"]),
        _rule(authority, faces.bold, 12, share=0.4, room=left_width),
        Paragraph(escape(doc.number_line), s["number"]),
    ]
    right = [
        Paragraph(NATION, s["nation"]),
        Paragraph(MOTTO, s["motto"]),
        _rule(MOTTO, faces.bold, 13, share=1, room=right_width),
        Paragraph(escape(doc.place_date), s["place_date"]),
    ]
    return _plain_table([[left, right]], [left_width, right_width], faces)


def _signatures(doc: DecisionDocument, s, faces: Faces) -> Table:
    recipients = [Paragraph("Nơi nhận:", s["recipients_head"])] + [
        Paragraph(escape(f"- {line}"), s["recipient"]) for line in doc.recipients
    ]
    signer = [
        Paragraph(escape(doc.signer_title.upper()), s["signer"]),
        Spacer(1, 28 * mm),  # signature and seal
        Paragraph(escape(doc.signer_name), s["signer"]),
    ]
    return _plain_table(
        [[recipients, signer]], [TEXT_WIDTH * 0.45, TEXT_WIDTH * 0.55], faces
    )


def _annex(doc: DecisionDocument, s, faces: Faces) -> list:
    widths = [10 * mm, 52 * mm, 33 * mm, 38 * mm]
    widths.append(TEXT_WIDTH - sum(widths))
    rows = [[Paragraph(escape(c), s["head"]) for c in doc.annex_columns]]
    for number, row in enumerate(doc.rows, start=1):
        check = ""
        if row.verify_url:
            link = f'<a href="{escape(row.verify_url)}">{escape(row.code)}</a>'
            check = [
                Image(qr_png(row.verify_url), QR_SIZE, QR_SIZE),
                Paragraph(link, s["code"]),
            ]
        rows.append(
            [
                Paragraph(str(number), s["cell"]),
                Paragraph(escape(row.name), s["cell"]),
                Paragraph(escape(row.village), s["cell"]),
                Paragraph(escape(row.commune), s["cell"]),
                check,
            ]
        )
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), faces.regular),
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (-1, 1), (-1, -1), "CENTER"),
            ]
        )
    )
    return [
        PageBreak(),
        Paragraph("PHỤ LỤC", s["annex"]),
        Paragraph(escape(doc.annex_title), s["annex"]),
        Paragraph(escape(doc.annex_reference), s["annex_reference"]),
        _rule(doc.annex_reference, faces.italic, 13, share=0.3, room=TEXT_WIDTH),
        Spacer(1, 4 * mm),
        table,
    ]


def decision_pdf(decision, *, base_url: str) -> bytes:
    """The decision and its annex; QR codes point under ``base_url``."""
    faces = register_serif_fonts()
    s = _styles(faces)
    doc = decision_document(decision, base_url=base_url)
    story = [
        _header(doc, s, faces),
        Paragraph("QUYẾT ĐỊNH", s["kind"]),
        Paragraph(escape(doc.about), s["about"]),
        _rule(doc.about, faces.bold, 14, share=0.35, room=TEXT_WIDTH),
        Paragraph(escape(doc.competence), s["competence"]),
        Spacer(1, 2 * mm),
        *(Paragraph(escape(basis), s["basis"]) for basis in doc.bases),
        Paragraph("QUYẾT ĐỊNH:", s["decides"]),
        *(
            Paragraph(f"<b>Điều {n}.</b> {escape(text)}", s["article"])
            for n, text in enumerate(doc.articles, start=1)
        ),
        Spacer(1, 6 * mm),
        KeepTogether(_signatures(doc, s, faces)),
        *_annex(doc, s, faces),
    ]

    def number_page(canvas, template):
        canvas.setFont(faces.regular, 13)
        canvas.drawCentredString(
            LEFT + TEXT_WIDTH / 2, A4[1] - TOP / 2, str(template.page)
        )

    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        # Else every page names Helvetica, a core font without Vietnamese glyphs.
        initialFontName=faces.regular,
        title=f"Quyết định {decision.number}",
        author=decision.authority,
        subject=doc.about,
    )
    template.build(story, onLaterPages=number_page)
    return buffer.getvalue()

"""The embedded fonts of every Vietnamese PDF (course and recognition certificates,
recognition decisions).

PDF core fonts have no Vietnamese glyphs, so each face is embedded from Debian's
DejaVu fonts: every document is in the official layout, set in DejaVu Serif
Condensed from fonts-dejavu-extra (with the italics that official documents need
for the place-and-date line and the legal bases). Each face is registered on its
own: another module may already have registered some of them.
"""

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SERIF = "DejaVuSerifCondensed"


@dataclass(frozen=True)
class Faces:
    regular: str
    bold: str
    italic: str
    bold_italic: str


def _register(names) -> None:
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name in names:
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))


def register_serif_fonts() -> Faces:
    """The serif family of official documents, mapped so that <b> and <i> in
    paragraphs pick its faces. Condensed: Nghị định 30/2020 sets sizes for a
    Times-like face, and at 12 pt plain DejaVu Serif is too wide for the quốc hiệu
    to stand on one line in its half of the page."""
    faces = Faces(
        regular=SERIF,
        bold=f"{SERIF}-Bold",
        italic=f"{SERIF}-Italic",
        bold_italic=f"{SERIF}-BoldItalic",
    )
    _register((faces.regular, faces.bold, faces.italic, faces.bold_italic))
    addMapping(SERIF, 0, 0, faces.regular)
    addMapping(SERIF, 1, 0, faces.bold)
    addMapping(SERIF, 0, 1, faces.italic)
    addMapping(SERIF, 1, 1, faces.bold_italic)
    return faces

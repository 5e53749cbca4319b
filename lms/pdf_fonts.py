"""The embedded fonts of every Vietnamese PDF (course and recognition certificates).

PDF core fonts have no Vietnamese glyphs, so each face is embedded from Debian's
fonts-dejavu-core. Each face is registered on its own: another module may already
have registered the regular face without the bold one.
"""

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"


def register_fonts() -> tuple[str, str]:
    """Register the regular and bold faces once; return their names."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name in (REGULAR, BOLD):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))
    return REGULAR, BOLD

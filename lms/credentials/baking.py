"""Baked badge images (OB 3.0 baking): a PNG carrying the credential in an iTXt chunk.

The chunk's keyword is ``openbadgecredential`` and its text the credential JSON,
uncompressed, as the specification requires. The picture itself is drawn here with
Pillow: the achievement's name on a round badge.
"""

import io
import json
import textwrap

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

KEYWORD = "openbadgecredential"
# Debian's fonts-dejavu-core (as the PDFs): Vietnamese glyphs included.
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SIZE = 512


def _font(size: int):
    return ImageFont.truetype(FONT, size)


def badge_image(*, title: str, subtitle: str) -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse(
        (8, 8, SIZE - 8, SIZE - 8), fill=(0, 94, 140), outline=(240, 180, 0), width=14
    )
    lines = textwrap.wrap(title, width=18)[:4]
    y = SIZE // 2 - 30 * len(lines)
    for line in lines:
        draw.text((SIZE // 2, y), line, font=_font(34), fill="white", anchor="mm")
        y += 48
    draw.text(
        (SIZE // 2, y + 20), subtitle, font=_font(24), fill=(240, 180, 0), anchor="mm"
    )
    return image


def bake(credential: dict, *, title: str, subtitle: str) -> bytes:
    info = PngInfo()
    info.add_itxt(KEYWORD, json.dumps(credential, ensure_ascii=False), zip=False)
    buffer = io.BytesIO()
    badge_image(title=title, subtitle=subtitle).save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


def unbake(png: bytes) -> dict:
    """The credential baked into ``png`` (for tests and for anyone checking a file)."""
    with Image.open(io.BytesIO(png)) as image:
        image.load()
        return json.loads(image.text[KEYWORD])

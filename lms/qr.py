"""QR codes printed on certificates and decisions, pointing to their verify pages."""

import io

import qrcode
from reportlab.lib.utils import ImageReader


def qr_png(url: str) -> io.BytesIO:
    """The QR code as a PNG file in memory (what reportlab's flowables read)."""
    image = qrcode.make(url, border=1)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    return buffer


def qr_image(url: str) -> ImageReader:
    return ImageReader(qr_png(url))

"""QR codes printed on certificates, pointing to their public verify pages."""

import io

import qrcode
from reportlab.lib.utils import ImageReader


def qr_image(url: str) -> ImageReader:
    image = qrcode.make(url, border=1)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    return ImageReader(buffer)

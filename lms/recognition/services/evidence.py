"""Checking evidence files: PDF and common images only, by content, not name."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ALLOWED_EXTENSIONS = {"pdf", "jpg", "jpeg", "png", "webp"}
MAX_BYTES = 10 * 1024 * 1024

_SIGNATURES = {
    "pdf": (b"%PDF",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}


def _matches(extension: str, head: bytes) -> bool:
    if extension == "webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    return head.startswith(_SIGNATURES[extension])


def validate_evidence(upload) -> None:
    """Raise a ValidationError (in the user's language) unless the file is allowed."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _(
                "The file “%(name)s” cannot be used as evidence: only PDF, JPG, PNG "
                "or WEBP files are accepted."
            )
            % {"name": name}
        )
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The file “%(name)s” is larger than 10 MB.") % {"name": name}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not _matches(extension, head):
        raise ValidationError(
            _(
                "The file “%(name)s” is not a real PDF or image file; please choose "
                "another file."
            )
            % {"name": name}
        )

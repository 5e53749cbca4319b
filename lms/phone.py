"""Vietnamese phone numbers: validation and one canonical form.

Residents type numbers as "0912 345 678", "0912.345.678" or "+84 912 345 678"; all
are stored as "0912345678" so that sign-in finds the person whichever way they type.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Mobile prefixes 03, 05, 07, 08, 09 and landlines 02x, each with ten digits.
_NATIONAL = re.compile(r"^0[235789]\d{8}$")
_SEPARATORS = re.compile(r"[\s.\-()]")

INVALID_PHONE_MESSAGE = _(
    "This phone number is not valid. Enter 10 digits starting with 0, "
    "for example 0912 345 678."
)


def normalize_phone(raw: str) -> str:
    """Return the ten-digit national form, or raise ValidationError."""
    digits = _SEPARATORS.sub("", raw or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    if not _NATIONAL.match(digits):
        raise ValidationError(INVALID_PHONE_MESSAGE, code="invalid_phone")
    return digits


def validate_phone(value: str) -> None:
    normalize_phone(value)


def looks_like_phone(text: str) -> bool:
    return bool(text) and not any(ch.isalpha() or ch == "@" for ch in text)

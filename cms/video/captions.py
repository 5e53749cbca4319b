"""WebVTT caption checks: a caption file is accepted only if a player can read it."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_CAPTION_BYTES = 2 * 1024 * 1024
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_TIMING = re.compile(
    r"^(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}\s+-->\s+(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
)


def validate_language_code(value: str) -> None:
    if not _LANGUAGE.match(value or ""):
        raise ValidationError(
            _("Enter a language code such as vi, en or hmn."), code="language"
        )


def webvtt_problem(data: bytes) -> str | None:
    """Return why ``data`` is not a usable WebVTT file, or None when it is."""
    if not data.strip():
        return _("The caption file is empty.")
    if len(data) > MAX_CAPTION_BYTES:
        return _("The caption file is too large (at most 2 MB).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _("The caption file must be saved as UTF-8 text.")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        return _("This is not a WebVTT file: the first line must be WEBVTT.")
    timings = [line for line in lines if "-->" in line]
    if not timings:
        return _("The caption file has no captions (no line with -->).")
    for number, line in enumerate(lines, start=1):
        if "-->" in line and not _TIMING.match(line.strip()):
            return _(
                "Line %(number)s has a wrong time, for example 00:01.000 --> 00:04.000."
            ) % {"number": number}
    return None


def validate_webvtt(file) -> None:
    """Field validator for an uploaded caption file."""
    file.open("rb")
    file.seek(0)
    data = file.read(MAX_CAPTION_BYTES + 1)
    file.seek(0)
    problem = webvtt_problem(data)
    if problem:
        raise ValidationError(problem, code="webvtt")

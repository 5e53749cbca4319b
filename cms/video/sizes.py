"""File sizes as a resident reads them before spending mobile data: "2,1 MB"."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

# Decimal units, as mobile data plans count them.
KB = 1000
MB = 1000 * KB
GB = 1000 * MB


def _one_decimal(value: float) -> str:
    # number_format cuts digits off rather than rounding: 9.96 would show "9,9".
    rounded = round(value, 1)
    # "35 MB", not "35,0 MB": the ",0" says nothing to a reader.
    return (
        number_format(int(rounded))
        if rounded.is_integer()
        else number_format(rounded, 1)
    )


def format_size(num_bytes: int | None) -> str:
    """``2_100_000`` → "2,1 MB" in Vietnamese (the active language's decimal sign).

    Empty for an unknown size, so a template shows nothing rather than "0 MB".
    """
    if num_bytes is None or num_bytes < 0:
        return ""
    if num_bytes >= GB:
        return _("%(size)s GB") % {"size": _one_decimal(num_bytes / GB)}
    if num_bytes >= MB // 10:
        return _("%(size)s MB") % {"size": _one_decimal(num_bytes / MB)}
    return _("%(size)s KB") % {"size": number_format(max(1, round(num_bytes / KB)))}

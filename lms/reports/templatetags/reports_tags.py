from urllib.parse import urlencode

from django import template

from ..charts import fmt

register = template.Library()


@register.filter
def figure(value):
    """A number written the local way; an empty cell for a missing rate."""
    if value is None:
        return "–"
    if isinstance(value, int | float):
        return fmt(value)
    return value


@register.filter
def is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


@register.filter
def urlencode_dict(params: dict) -> str:
    return urlencode(params)

"""The description search engines and link previews show for a page.

Editors may write one (Wagtail's ``search_description``); otherwise it comes from
the page's own introduction or summary, then from the start of its text, and at
last from one sentence about the whole site, so no public page goes without.
"""

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

MAX_CHARS = 160  # what search results show before cutting


def site_description() -> str:
    return _(
        "Courses, lessons and open resources of the community learning centres: "
        "learn what you need, all life long, even on a weak connection."
    )


def page_description(page) -> str:
    """A plain-text description of ``page`` (any page, or None), at most 160 chars."""
    for text in _candidates(page):
        text = " ".join(strip_tags(str(text or "")).split())
        if text:
            return Truncator(text).chars(MAX_CHARS)
    return site_description()


def _candidates(page):
    if page is None:
        return
    yield getattr(page, "search_description", "")
    yield getattr(page, "intro", "")
    yield getattr(page, "summary", "")
    body = getattr(page, "body", None)
    if body:
        # Only the first blocks: enough for 160 characters without reading it all.
        for block in list(body)[:3]:
            yield " ".join(
                str(part) for part in block.block.get_searchable_content(block.value)
            )

"""Template tags for the public site's frame (navigation)."""

from django import template
from wagtail.models import Page

from cms import offline
from cms.meta import page_description
from cms.models import CourseIndexPage, ResourceLibraryPage

register = template.Library()


@register.simple_tag(takes_context=True)
def site_sections(context) -> dict:
    """URLs of the top-level course index and library, in one query per request."""
    request = context.get("request")
    cached = getattr(request, "_cms_site_sections", None)
    if cached is not None:
        return cached
    sections = {"courses": None, "library": None}
    pages = (
        Page.objects.live()
        .type(CourseIndexPage, ResourceLibraryPage)
        .filter(depth=3)
        .select_related("content_type")
        .order_by("path")
    )
    for page in pages:
        key = "courses" if page.content_type.model == "courseindexpage" else "library"
        if sections[key] is None:
            sections[key] = page.get_url(request)
    if request is not None:
        request._cms_site_sections = sections
    return sections


@register.simple_tag
def meta_description(page=None) -> str:
    """The page's description for ``<meta name="description">`` (cms.meta)."""
    return page_description(page)


@register.simple_tag
def offline_copy(page):
    """What saving ``page`` for offline use downloads (cms.offline)."""
    return offline.offline_copy(page)

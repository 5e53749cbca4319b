"""Template tags for the public site's frame (navigation, slots other apps fill)."""

from dataclasses import dataclass

from django import template
from django.utils.html import format_html_join
from wagtail import hooks
from wagtail.models import Page

from cms import file_sizes, offline
from cms.meta import page_description
from cms.models import CourseIndexPage, ResourceLibraryPage
from cms.page_cache import request_version
from cms.process_memo import ProcessMemo

register = template.Library()

# Kept in this process under the page cache's site-wide token (cms.process_memo),
# which every publish, unpublish, move or delete changes.
_sections = ProcessMemo(maxsize=50)
_crumbs = ProcessMemo(maxsize=5000)


@register.simple_tag(takes_context=True)
def site_sections(context) -> dict:
    """URLs of the top-level course index and library: one query per publish.

    Every page's menu shows them.
    """
    request = context.get("request")
    cached = getattr(request, "_cms_site_sections", None)
    if cached is not None:
        return cached
    if request is None:
        return _site_sections(None)
    cached = _sections.get(
        request_version(), request.get_host(), lambda: _site_sections(request)
    )
    request._cms_site_sections = cached
    return cached


def _site_sections(request) -> dict:
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
    return sections


@dataclass(frozen=True)
class Crumb:
    url: str
    title: str
    depth: int


@register.simple_tag(takes_context=True)
def breadcrumb(context, page) -> list[Crumb]:
    """The page's ancestors below the root, kept like the menu's sections (titles
    and addresses change only on publish, unpublish or move)."""
    request = context.get("request")

    def crumbs():
        return [
            Crumb(
                url=ancestor.get_url(request),
                title=ancestor.title,
                depth=ancestor.depth,
            )
            for ancestor in page.get_ancestors()
            if not ancestor.is_root()
        ]

    # Previews (of a page maybe not saved yet, or moved in the draft) are not kept.
    if request is None or not page.pk or getattr(request, "is_preview", False):
        return crumbs()
    return _crumbs.get(request_version(), (request.get_host(), page.pk), crumbs)


@register.filter
def human_size(size) -> str:
    """A byte count as people read it: "1,2 MB" in Vietnamese; "" when unknown."""
    return file_sizes.human_size(size)


SLOT_HOOK_PREFIX = "cms_page_slot_"


@register.simple_tag(takes_context=True)
def page_slot(context, name: str, page=None) -> str:
    """The HTML other apps put in the place `name` of a CMS template.

    An app fills a place by registering the Wagtail hook "cms_page_slot_<name>", a
    function of (context, page) returning HTML. The CMS names its places and never
    loads another app's tag library, so the dependency stays one way (lms -> cms).
    """
    parts = (fn(context, page) for fn in hooks.get_hooks(SLOT_HOOK_PREFIX + name))
    return format_html_join("", "{}", ((part,) for part in parts if part))


@register.simple_tag
def meta_description(page=None) -> str:
    """The page's description for ``<meta name="description">`` (cms.meta)."""
    return page_description(page)


@register.simple_tag
def offline_copy(page):
    """What saving ``page`` for offline use downloads (cms.offline)."""
    return offline.offline_copy(page)

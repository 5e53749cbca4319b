"""Where a person's page explorer starts: their own pages, in Vietnamese.

Wagtail starts the explorer, the sidebar's "Trang" and the dashboard's page count at
the deepest page above every page the person holds a right on
(`PagePermissionPolicy.explorable_root_instance`). A centre's place group holds its
rights on the centre page in every language (`cms.place_rights`) and each language's
tree hangs from its own home page, so once the centre has a Hmông page that deepest
page is the tree's root: staff start at "Gốc", facing one home page per language.

Wagtail's root is left as it is, and with it every right: its explorer sends any
page outside that root back to it, and the translations must stay reachable. What
changes is where the person starts (the sidebar, the dashboard) and, above that
start, what is listed: only the way down to it. A translation is one step away, in
the explorer's language switcher, as Wagtail offers it.
"""

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.sidebar import (
    PageExplorerMenuItem as PageExplorerMenuItemComponent,
)
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

from cms.content_languages import DEFAULT_CODE
from cms.translations import language_of

# Kept on the user object, as Wagtail keeps its own root: one request's worth.
_CACHE_NAME = "_cms_explorer_start_page"


def start_page(user) -> Page | None:
    """The deepest page above every Vietnamese page the person may work on.

    Wagtail's own start for a superuser or for someone whose pages are all in
    other languages; None for someone with no page right at all.
    """
    if hasattr(user, _CACHE_NAME):
        return getattr(user, _CACHE_NAME)
    policy = policy_registry.get_by_type(Page)
    start = policy.explorable_root_instance(user)
    if start is not None and not user.is_superuser:
        vietnamese = [
            page
            for page in policy.instances_with_direct_explore_permission(user)
            if language_of(page) == DEFAULT_CODE
        ]
        if vietnamese:
            start = Page.objects.first_common_ancestor_of(
                vietnamese, include_self=True, strict=True
            )
    setattr(user, _CACHE_NAME, start)
    return start


def way_down_only(parent_page: Page, pages, user):
    """`pages` listed under `parent_page`, less those beside the way down to the
    person's start when the parent is above it (deeper pages are left alone)."""
    start = start_page(user)
    if start is None or not start.is_descendant_of(parent_page):
        return pages
    depth = parent_page.depth + 1
    way_down = start.path[: depth * Page.steplen]
    return pages.exclude(Q(depth=depth) & ~Q(path=way_down))


class StartPageExplorerMenuItem(ExplorerMenuItem):
    """The sidebar's "Trang", opening at the person's start page."""

    def render_component(self, request):
        start = start_page(request.user)
        if start is None:
            return super().render_component(request)
        return PageExplorerMenuItemComponent(
            self.name,
            self.label,
            reverse("wagtailadmin_explore", args=[start.pk]),
            start.pk,
            icon_name=self.icon_name,
            classname=self.classname,
        )

    @classmethod
    def replacing(cls, item: ExplorerMenuItem) -> "StartPageExplorerMenuItem":
        return cls(
            item.label,
            item.url,
            name=item.name,
            classname=item.classname,
            icon_name=item.icon_name,
            attrs=item.attrs,
            order=item.order,
        )


class StartPagesSummaryItem(PagesSummaryItem):
    """The dashboard's page count: the pages under the person's start, linked to it
    (Wagtail's counts every page of the tree once its root is the start)."""

    def get_context_data(self, parent_context):
        start = start_page(self.request.user)
        if start is None or start.is_root():
            return super().get_context_data(parent_context)
        site = start.get_site()
        return {
            "root_page": start,
            "total_pages": Page.objects.descendant_of(start, inclusive=True).count(),
            "site_name": (site.site_name or site.hostname)
            if site
            else settings.WAGTAIL_SITE_NAME,
        }

"""Wagtail hooks of the plain admin (imported by cms.apps.CmsConfig.ready)."""

import copy

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.wagtail_hooks import ExplorerMenuItem

from cms.admin_home import urls
from cms.admin_home.panels import StaffTasksPanel
from cms.admin_home.selectors import courses_for_new_lesson
from cms.explorer_start import (
    StartPageExplorerMenuItem,
    StartPagesSummaryItem,
    way_down_only,
)

# Wagtail labels its workflow report and its workflow settings alike; the report
# entries get names of their own so the menu never shows one name twice.
REPORT_LABELS = {
    "workflows": pgettext_lazy("staff admin", "Review progress"),
    "workflow-tasks": pgettext_lazy("staff admin", "Review steps in progress"),
}
# Both lead to English pages on wagtail.org.
HIDDEN_HELP_ITEMS = ("editor-guide",)
HIDDEN_HELP_PREFIX = "whats-new-in-wagtail"


class AddLessonMenuItem(MenuItem):
    def is_shown(self, request):
        return courses_for_new_lesson(request.user).exists()


@hooks.register("register_admin_urls")
def register_add_lesson_url():
    return [path("them-bai-hoc/", include(urls))]


@hooks.register("register_admin_menu_item")
def register_add_lesson_menu_item():
    return AddLessonMenuItem(
        pgettext_lazy("staff admin", "Add a lesson"),
        reverse("cms_admin_home:add_lesson"),
        name="add-lesson",
        icon_name="plus",
        order=50,  # first after the page explorer
    )


@hooks.register("construct_homepage_panels")
def add_staff_tasks_panel(request, panels):
    panels.append(StaffTasksPanel(request))


@hooks.register("construct_page_action_menu")
def publish_first(menu_items, request, context):
    """Whoever may publish sees "Xuất bản" as the button, not hidden in the menu."""
    for index, item in enumerate(menu_items):
        if item.name == "action-publish":
            menu_items.insert(0, menu_items.pop(index))
            return


@hooks.register("construct_reports_menu")
def name_reports_apart(request, menu_items):
    for index, item in enumerate(menu_items):
        if item.name in REPORT_LABELS:
            renamed = copy.copy(item)
            renamed.label = REPORT_LABELS[item.name]
            menu_items[index] = renamed


@hooks.register("construct_help_menu")
def hide_english_help(request, menu_items):
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in HIDDEN_HELP_ITEMS
        and not item.name.startswith(HIDDEN_HELP_PREFIX)
    ]


@hooks.register("insert_global_admin_css")
def staff_admin_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("cms/css/admin-staff.css")
    )


@hooks.register("construct_main_menu")
def start_explorer_at_own_pages(request, menu_items):
    """The sidebar's "Trang" opens at the person's own pages (cms.explorer_start)."""
    for index, item in enumerate(menu_items):
        if item.name == "explorer" and isinstance(item, ExplorerMenuItem):
            menu_items[index] = StartPageExplorerMenuItem.replacing(item)


@hooks.register("construct_homepage_summary_items", order=1)  # after Wagtail's
def count_own_pages(request, items):
    for index, item in enumerate(items):
        if type(item) is PagesSummaryItem:
            items[index] = StartPagesSummaryItem(request)


@hooks.register("construct_explorer_page_queryset")
def list_the_way_down_above_the_start(parent_page, pages, request):
    return way_down_only(parent_page, pages, request.user)

from wagtail import hooks

from cms.models import OpenResourcePage
from lms.page_slots import render_inclusion

from .templatetags.officer_nav import officer_links
from .views_counter import record_view


@hooks.register("before_serve_page")
def count_open_resource_view(page, request, serve_args, serve_kwargs):
    if request.method == "GET" and isinstance(page.specific, OpenResourcePage):
        record_view(page_id=page.pk)


@hooks.register("cms_page_slot_nav_user", order=10)
def officer_nav(context, page=None):
    """The recognition queue and reports, after the account links."""
    return render_inclusion(
        context, "reports/tags/officer_links.html", officer_links(context)
    )

from wagtail import hooks

from lms.page_slots import render_inclusion

from .templatetags.officer_nav import officer_links


@hooks.register("cms_page_slot_nav_user", order=10)
def officer_nav(context, page=None):
    """The recognition queue and reports, after the account links."""
    return render_inclusion(
        context, "reports/tags/officer_links.html", officer_links(context)
    )

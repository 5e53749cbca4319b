"""Links to the officers' work (recognition queue, reports) in the site's header.

Lives in the reports app because it is the one that may see both the recognition
and the reporting rules without an import cycle.
"""

from django import template

from lms.recognition.permissions import Level, officer_level

register = template.Library()


@register.inclusion_tag("reports/tags/officer_links.html", takes_context=True)
def officer_links(context):
    request = context.get("request")
    user = request.user if request else None
    if user is None or not user.is_authenticated:
        return {"show_queue": False, "show_reports": False}
    return {
        "show_queue": officer_level(user) > Level.NONE,
        # Same people as lms.reports.scope.home_scope, without loading the commune.
        "show_reports": officer_level(user) >= Level.CENTRE,
    }

"""Links to the officers' work (recognition queue, decisions, reports) in the header.

Shown to whoever the recognition and reports rules let in.
"""

from django import template

register = template.Library()


@register.inclusion_tag("reports/tags/officer_links.html", takes_context=True)
def officer_links(context):
    request = context.get("request")
    user = request.user if request else None
    if user is None or not user.is_authenticated:
        return {"show_queue": False, "show_decisions": False, "show_reports": False}
    return {
        "show_queue": user.has_perm("recognition.view_queue"),
        "show_decisions": user.has_perm("recognition.view_decision_register"),
        "show_reports": user.has_perm("reports.view_reports"),
    }

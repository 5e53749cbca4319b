"""The centre's classes this week on the Wagtail admin home, beside the CMS tasks.

Learner-side data reaches the admin through this lms hook, so the CMS never reads
lms models (see cms.admin_home for the CMS panel).
"""

from datetime import date, timedelta

from django.db.models import QuerySet
from django.utils import timezone
from wagtail.admin.ui.components import Component

from cms.models import Centre
from lms.models import ClassSession


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week holding this day."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def class_sessions_this_week(*, centre: Centre, today: date) -> QuerySet[ClassSession]:
    """The centre's class sessions from Monday to Sunday of this week, in time order."""
    monday, sunday = week_of(today)
    return ClassSession.objects.filter(
        centre=centre, date__range=(monday, sunday)
    ).order_by("date", "starts_at")


def centre_run_by(user) -> Centre | None:
    """The centre of the person's commune, if they may run it."""
    if not user.commune_id:
        return None
    centre = Centre.objects.filter(commune_id=user.commune_id).first()
    if centre is None or not user.has_perm("lms.manage_centre", centre):
        return None
    return centre


class ClassesThisWeekPanel(Component):
    name = "classes_this_week"
    template_name = "lms/admin/classes_this_week_panel.html"
    order = 20  # just after the CMS's staff tasks

    def __init__(self, request):
        self.centre = centre_run_by(request.user)
        self.sessions = (
            list(
                class_sessions_this_week(centre=self.centre, today=timezone.localdate())
            )
            if self.centre
            else []
        )

    def render_html(self, parent_context=None):
        if self.centre is None:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        return {"centre": self.centre, "sessions": self.sessions}

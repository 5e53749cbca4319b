from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "lms.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from cms.page_cache import page_viewed
        from lms.recognition.signals import decision_recorded

        from .schedule import refresh_after_decision
        from .views_counter import count_open_resource_view

        decision_recorded.connect(refresh_after_decision, dispatch_uid="reports")
        page_viewed.connect(count_open_resource_view, dispatch_uid="count_resource")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "lms.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from lms.recognition.signals import decision_recorded

        from .schedule import refresh_after_decision

        decision_recorded.connect(refresh_after_decision, dispatch_uid="reports")

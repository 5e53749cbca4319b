from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XapiConfig(AppConfig):
    name = "lms.xapi"
    label = "xapi"
    verbose_name = _("xAPI statements")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.xapi import signals

        signals.connect()

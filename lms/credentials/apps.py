from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "lms.credentials"
    label = "credentials"
    verbose_name = _("Verifiable credentials")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.credentials import checks, rules, signals  # noqa: F401

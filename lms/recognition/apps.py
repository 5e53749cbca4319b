from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "lms.recognition"
    label = "recognition"
    verbose_name = _("Learning models recognition")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.recognition.admin_access import grant_criteria_permissions

        post_migrate.connect(grant_criteria_permissions, sender=self)

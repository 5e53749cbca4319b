from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "lms.recognition"
    label = "recognition"
    verbose_name = _("Learning models recognition")
    default_auto_field = "django.db.models.BigAutoField"

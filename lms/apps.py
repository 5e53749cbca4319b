from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = _("Learning")

    def ready(self):
        from lms.private_files import check_private_root

        checks.register(check_private_root, checks.Tags.security)

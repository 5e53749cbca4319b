from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Content")

    def ready(self):
        from cms import page_cache, place_rights
        from cms.video import hooks  # noqa: F401  (admin hooks, signal receivers)

        place_rights.connect_signals()
        page_cache.connect_signals()

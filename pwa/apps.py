from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PwaConfig(AppConfig):
    """The installable web app: manifest, service worker, offline and saved pages.

    It sits above `cms` and `lms` like `config` does: the service worker replays the
    LMS progress queue and serves the CMS lessons a resident saved.
    """

    name = "pwa"
    verbose_name = _("Installable web app")

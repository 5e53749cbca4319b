from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Content")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from cms import (
            content_languages,
            file_sizes,
            language_urls,
            media_types,
            page_cache,
            place_rights,
        )
        from cms.admin_home import hooks as admin_home_hooks  # noqa: F401
        from cms.video import (
            hooks,  # noqa: F401  (admin hooks, signal receivers)
            replaced_files,
        )

        place_rights.connect_signals()
        file_sizes.connect_signals()
        media_types.register()
        page_cache.connect_signals()
        replaced_files.connect_signals()
        checks.register(language_urls.check_content_catalogues)
        user_logged_in.connect(
            content_languages.remember_at_sign_in, dispatch_uid="cms-content-language"
        )

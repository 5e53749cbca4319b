"""The admin's JavaScript catalogue with this overlay's messages merged in."""

from django.views.i18n import JavaScriptCatalog
from wagtail.admin.localization import get_localized_response

# Wagtail's own view reads only wagtail.admin's catalogues; later packages win.
js_catalog = JavaScriptCatalog.as_view(packages=["wagtail.admin", "cms.admin_vi"])


def javascript_catalog(request, *args, **kwargs):
    """Serve the catalogue in the user's admin language, like Wagtail's own view."""
    return get_localized_response(js_catalog, request, *args, **kwargs)

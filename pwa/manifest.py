"""The web app manifest: what a phone needs to install the site as an app."""

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext as _

from cms.meta import site_description
from pwa.icons import ICONS

THEME_COLOUR = "#0b3d6e"  # the site header's blue, also the icons' background
BACKGROUND_COLOUR = "#ffffff"


def web_app_manifest() -> dict:
    """The manifest as a dict (served as JSON at /manifest.webmanifest)."""
    icons = [
        {
            "src": static(f"pwa/icons/{name}"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": "maskable" if maskable else "any",
        }
        for name, (size, maskable) in ICONS.items()
        if name != "apple-touch-icon.png"
    ]
    return {
        "id": "/",
        "name": settings.WAGTAIL_SITE_NAME,
        "short_name": _("Learning"),
        "description": site_description(),
        "lang": settings.LANGUAGE_CODE,
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "categories": ["education"],
        "icons": icons,
    }

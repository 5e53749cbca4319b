"""The LRS settings, read when used (tests change them)."""

from django.conf import settings


def enabled() -> bool:
    """Statements are recorded and sent only when an LRS is configured."""
    return bool(settings.XAPI_LRS_URL)


def base_url() -> str:
    """The site's public address: the actors' homePage and the activities' ids."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")

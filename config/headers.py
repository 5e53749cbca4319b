"""Security headers beyond Django's: a CSP per area of the site, a Permissions-Policy.

The site's own pages run no inline script: `CONTENT_SECURITY_POLICY` (django-csp)
allows scripts from this origin only. The Wagtail admin (and the Django admin) ship
inline scripts and styles of their own, so paths under `CSP_ADMIN_PREFIXES` get the
looser `CONTENT_SECURITY_POLICY_ADMIN`; they are used by signed-in staff only.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


class AreaCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(settings.CSP_ADMIN_PREFIXES))
        ):
            parts.config = default_config(
                settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            )
        return parts


def permissions_policy(features: dict[str, list[str]]) -> str:
    """``{"camera": [], "fullscreen": ["self"]}`` → ``camera=(), fullscreen=(self)``."""
    return ", ".join(
        f"{feature}=({' '.join(allow)})" for feature, allow in features.items()
    )


class PermissionsPolicyMiddleware:
    """Turn off the browser features the platform never uses (`PERMISSIONS_POLICY`)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.value:
            response.headers.setdefault("Permissions-Policy", self.value)
        return response

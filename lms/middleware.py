"""A person signed in with a temporary password changes it before anything else.

The temporary password was read out by centre staff, so until the person chooses
their own, every page (site, admin, API) leads to the change-password page.
"""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

CHANGE_PAGE = "lms:change-password"
# Where the person may still go: the change page itself, sign-out, files the page
# needs, the health check, and the language switch.
ALLOWED_NAMES = (CHANGE_PAGE, "lms:logout", "health")


MUST_CHANGE_PASSWORD = _(
    "You signed in with a temporary password from the centre. "
    "Please choose your own password first."
)


class TemporaryPasswordMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "password_is_temporary", False)
            and not self._allowed(request.path)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": str(MUST_CHANGE_PASSWORD)}, status=403)
            return redirect(CHANGE_PAGE)
        return self.get_response(request)

    @staticmethod
    def _allowed(path: str) -> bool:
        if path in {reverse(name) for name in ALLOWED_NAMES}:
            return True
        prefixes = (settings.STATIC_URL, settings.MEDIA_URL, "/i18n/")
        return path.startswith(prefixes)

"""Rate limits of the learner API, per learner and per address for anonymous calls.

The rates live in REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] under "learner" and
"learner_anonymous" and are read at each request, so a setting change applies.
"""

import math

from django.utils.translation import ngettext
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from lms.lockout import client_address


class TooManyRequests(APIException):
    """429 with a Vietnamese message; DRF adds Retry-After from ``wait``."""

    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_code = "throttled"

    def __init__(self, wait: float | None):
        self.wait = max(1, math.ceil(wait or 1))
        super().__init__(
            ngettext(
                "Too many requests. Please wait %(seconds)d second and try again.",
                "Too many requests. Please wait %(seconds)d seconds and try again.",
                self.wait,
            )
            % {"seconds": self.wait}
        )


class _LearnerAPIThrottle(SimpleRateThrottle):
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def get_ident(self, request):
        return client_address(request)


class LearnerThrottle(_LearnerAPIThrottle):
    """Requests of one signed-in learner, whichever device or address."""

    scope = "learner"

    def get_cache_key(self, request, view):
        if not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class AnonymousLearnerThrottle(_LearnerAPIThrottle):
    """Calls without valid credentials (anonymous, wrong tokens), per address."""

    scope = "learner_anonymous"

    def get_cache_key(self, request, view):
        if request.user.is_authenticated:
            return None
        return self.cache_format % {
            "scope": self.scope,
            "ident": self.get_ident(request),
        }

"""Sign-in lockout: repeated failures lock an account and an address for a while.

django-axes counts failed sign-ins on every sign-in page (the site's, Wagtail's and
Django's admin) through the authentication backend. This module tells axes which
account a failure is against (the login as the person typed it, in one canonical
form), where it came from, how many failures each may have, and what a locked-out
person sees: the site's sign-in page saying when to try again.
"""

import math
from datetime import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_failure_limit, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone

from lms.phone import looks_like_phone, normalize_phone


def canonical_login(login: str) -> str:
    """One form per account: "0912 345 678" and "+84912345678" are the same phone."""
    login = (login or "").strip()
    if "@" not in login and looks_like_phone(login):
        try:
            return normalize_phone(login)
        except ValidationError:
            pass
    return login.lower()


def attempted_login(request, credentials: dict | None) -> str | None:
    """The account a sign-in is against, as axes records it (AXES_USERNAME_CALLABLE)."""
    if credentials:
        login = credentials.get("username")
    else:
        login = getattr(request, "data", request.POST).get("username")
    return canonical_login(login) if login else None


def client_address(request) -> str | None:
    """The address the nearest trusted proxy saw, else REMOTE_ADDR.

    AXES_CLIENT_IP_CALLABLE; SIGNIN_PROXY_COUNT says how many proxies to trust.
    """
    proxies = settings.SIGNIN_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    # Each trusted proxy appends what it saw; anything further left is client-made.
    if proxies and len(hops) >= proxies:
        return hops[-proxies]
    return request.META.get("REMOTE_ADDR")


def _limit(parameter, request, credentials) -> int:
    if parameter == "ip_address":
        return settings.SIGNIN_ADDRESS_FAILURE_LIMIT
    return get_failure_limit(request, credentials)


class SignInAttempts(AxesDatabaseHandler):
    """Axes' database handler with a limit per lockout parameter."""

    def _failures_by_parameter(self, request, credentials):
        parameters = get_lockout_parameters(request, credentials)
        attempts = self.get_user_attempts(request, credentials)
        for parameter, rows in zip(parameters, attempts, strict=True):
            totals = rows.aggregate(
                failures=Sum("failures_since_start"), last=Max("attempt_time")
            )
            yield _limit(parameter, request, credentials), totals

    def get_failures(self, request, credentials=None) -> int:
        """The worst count, in units of the account limit axes compares with.

        An address at 20 of 20 allowed failures counts as 5 of the account's 5.
        """
        account_limit = get_failure_limit(request, credentials)
        return max(
            (
                (totals["failures"] or 0) * account_limit // limit
                for limit, totals in self._failures_by_parameter(request, credentials)
            ),
            default=0,
        )

    def locked_until(self, request, credentials=None) -> datetime | None:
        """When the last lock on this account or address ends (at the latest)."""
        ends = [
            totals["last"] + get_cool_off(request)
            for limit, totals in self._failures_by_parameter(request, credentials)
            if (totals["failures"] or 0) >= limit
        ]
        return max(ends, default=None)

    def user_logged_in(self, sender, request, user, **kwargs):
        """A right password forgives the same person's own typos from this address.

        Failures against other accounts, or against this one from other addresses,
        stay counted: a guesser cannot wipe them by signing in to their own account.
        """
        super().user_logged_in(sender, request, user, **kwargs)
        login = attempted_login(request, None)
        if login:
            AccessAttempt.objects.filter(
                username=login, ip_address=request.axes_ip_address
            ).delete()


def release_account(*logins: str) -> None:
    """Lift the lock on an account, whichever way its login is typed (staff helped)."""
    for login in {canonical_login(login) for login in logins if login}:
        AxesProxyHandler.reset_attempts(username=login)


def locked_out_response(request, original_response=None, credentials=None):
    """The site's sign-in page saying when to try again (AXES_LOCKOUT_CALLABLE)."""
    until = AxesProxyHandler.get_implementation().locked_until(request, credentials)
    seconds = (until - timezone.now()).total_seconds() if until else 0
    minutes = max(1, math.ceil(seconds / 60))
    return render(
        request,
        "lms/login.html",
        {"locked_out_minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )

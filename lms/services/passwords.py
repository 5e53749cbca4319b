"""Forgotten passwords: centre staff give a resident a temporary one.

Most residents sign in with a phone number and there is no SMS gateway, so the
centre, which knows them, is where a lost password is recovered. The temporary
password is digits only (easy to type on a phone keypad), works for a day
(TEMPORARY_PASSWORD_HOURS) and must be replaced at the next sign-in.
"""

import logging
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lms.lockout import release_account
from lms.models import User

logger = logging.getLogger(__name__)

TEMPORARY_PASSWORD_DIGITS = 8


def temporary_password() -> str:
    return "".join(
        secrets.choice("0123456789") for _ in range(TEMPORARY_PASSWORD_DIGITS)
    )


def give_temporary_password(*, staff: User, person: User) -> str:
    """Set and return a temporary password; PermissionDenied outside staff's reach."""
    # Staff reset residents of their own commune, never staff or admin accounts.
    if not staff.has_perm("lms.reset_password", person):
        raise PermissionDenied
    password = temporary_password()
    person.set_password(password)
    person.password_is_temporary = True
    person.temporary_password_issued_at = timezone.now()
    person.save(
        update_fields=[
            "password",
            "password_is_temporary",
            "temporary_password_issued_at",
        ]
    )
    # The centre vouched for the person: a lock from earlier failures would keep
    # them out with the very password just given.
    release_account(person.phone, person.email, person.username)
    logger.info("Staff user %s gave user %s a temporary password", staff.pk, person.pk)
    return password


def temporary_password_expired(person: User, *, now: datetime | None = None) -> bool:
    """A temporary password older than TEMPORARY_PASSWORD_HOURS no longer signs in."""
    if not person.password_is_temporary:
        return False
    issued_at = person.temporary_password_issued_at
    if issued_at is None:
        return True
    lifetime = timedelta(hours=settings.TEMPORARY_PASSWORD_HOURS)
    return (now or timezone.now()) >= issued_at + lifetime


def password_changed(person: User) -> None:
    """The person chose their own password: it is no longer temporary."""
    if person.password_is_temporary:
        person.password_is_temporary = False
        person.temporary_password_issued_at = None
        person.save(
            update_fields=["password_is_temporary", "temporary_password_issued_at"]
        )

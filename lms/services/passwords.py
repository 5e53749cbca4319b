"""Forgotten passwords: centre staff give a resident a temporary one.

Most residents sign in with a phone number and there is no SMS gateway, so the
centre, which knows them, is where a lost password is recovered. The temporary
password is digits only (easy to type on a phone keypad) and must be replaced at
the next sign-in.
"""

import logging
import secrets

from django.core.exceptions import PermissionDenied

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
    person.save(update_fields=["password", "password_is_temporary"])
    logger.info("Staff user %s gave user %s a temporary password", staff.pk, person.pk)
    return password


def password_changed(person: User) -> None:
    """The person chose their own password: it is no longer temporary."""
    if person.password_is_temporary:
        person.password_is_temporary = False
        person.save(update_fields=["password_is_temporary"])

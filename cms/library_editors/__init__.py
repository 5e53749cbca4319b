"""Library editors: who approves open resources, designated by province officers.

The designation is membership of the library editor role group. A province officer or
an admin names one from an existing staff account (by phone, user name or e-mail) on
a small admin page, and may take the role back. Nobody designates themselves: the
person who reviews is chosen by someone else.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from accounts.predicates import is_admin, is_province_officer
from accounts.roles import Role, forget_roles, group_for


def may_designate(user) -> bool:
    return bool(is_admin(user) or is_province_officer(user))


def library_editors():
    return (
        get_user_model()
        .objects.filter(groups=group_for(Role.LIBRARY_EDITOR))
        .order_by("full_name", "pk")
    )


def find_account(login: str):
    """The active account with this phone, user name or e-mail, or None."""
    login = login.strip()
    if not login:
        return None
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(phone=login) | Q(username=login) | Q(email__iexact=login))
        .first()
    )


def designate(user, *, by) -> bool:
    """Make `user` a library editor; False when `by` may not or names themselves."""
    if not may_designate(by) or user.pk == by.pk:
        return False
    user.groups.add(group_for(Role.LIBRARY_EDITOR))
    forget_roles(user)
    return True


def revoke(user, *, by) -> bool:
    if not may_designate(by):
        return False
    user.groups.remove(group_for(Role.LIBRARY_EDITOR))
    forget_roles(user)
    return True

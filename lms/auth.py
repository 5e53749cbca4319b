"""Sign-in with a phone number, an email or a username."""

import contextlib

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db.models import Q

from lms.phone import looks_like_phone, normalize_phone
from lms.services.passwords import temporary_password_expired


def find_user_by_login(login: str):
    """The active user whose phone, email or username matches ``login``, or None."""
    User = get_user_model()
    login = (login or "").strip()
    if not login:
        return None
    match = Q(username__iexact=login)
    if "@" in login:
        match |= Q(email__iexact=login)
    elif looks_like_phone(login):
        with contextlib.suppress(ValidationError):
            match |= Q(phone=normalize_phone(login))
    return User.objects.filter(match).order_by("pk").first()


class PhoneOrEmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        user = find_user_by_login(username or kwargs.get("phone") or "")
        if user is None:
            # Hash anyway so timing does not reveal which logins exist.
            get_user_model()().set_password(password)
            return None
        if not (user.check_password(password) and self.user_can_authenticate(user)):
            return None
        if temporary_password_expired(user):
            # Refused like a wrong password everywhere; the site's sign-in form reads
            # this mark to tell the person to ask the centre again.
            if request is not None:
                request.temporary_password_expired = True
            return None
        return user

"""Where to go after a form: the `next` a page asks for, if it stays on this site."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, default: str = "") -> str:
    """The request's ``next`` (POST first, then GET) when it points at this site.

    Anything else (another host, ``//host``, a ``javascript:`` URL, plain http from
    an https page) gives ``default``: a link must not send people to a look-alike
    site after they signed in or acted here.
    """
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return default

"""The page cache: one shared copy of each public page for anonymous visitors.

A copy is kept only when all of these hold: the page marked itself cacheable while
it was served (Wagtail pages without view restrictions, the search view), the request
is a GET without a session, messages or Authorization credential, and the answer is
a 200 that sets no cookie and does not already say how it may be cached. Copies are
read for GET and HEAD requests that meet the same conditions.

Every publish, unpublish, move or delete of a page, every change to a CMS snippet a
page shows (a subject's name, a licence, captions), every change of a site or a view
restriction, and every finished transcode changes one site-wide version token that
is part of every key: old copies are never read again and expire on their own after
``PAGE_CACHE_SECONDS``. A site-wide token is coarse on purpose: a title shows in
menus, breadcrumbs, listings and search results, so one edit may change many pages,
and a small site publishes rarely enough that a cold cache after each publish costs
little.

Anonymous copies say ``Cache-Control: public, max-age=PAGE_MAX_AGE`` with an ETag and
Last-Modified (``ConditionalGetMiddleware`` answers a matching conditional GET with
304); signed-in users' answers say ``private, no-cache`` and are never cached.
"""

import gzip
import hashlib
import re
import uuid
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils.cache import (
    cc_delim_re,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from cms.content_languages import preferred_language

VERSION_KEY = "pagecache:version"
HIT_HEADER = "X-Page-Cache"

# Sent for every GET of a Wagtail page answered with 200, from the cache or not:
# counting views must not depend on whether the page was rendered.
page_viewed = Signal()  # sender: None; page_id: int, model_label: str, request

# Headers that belong to one answer, never to the copy.
_NOT_STORED = {"set-cookie", "date", "content-length"}
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


@dataclass(frozen=True)
class CachedPage:
    """What is kept of one rendered page: its bytes, headers and which page it is."""

    content: bytes
    # Compressed once when kept, not on every answer (anonymous pages hold no
    # secret, so a fixed compressed copy gives BREACH nothing to read).
    gzipped: bytes
    headers: tuple[tuple[str, str], ...]
    page_id: int | None
    model_label: str

    def response(self, request) -> HttpResponse:
        if not _ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
            response = HttpResponse(self.content, headers=dict(self.headers))
        else:
            response = HttpResponse(self.gzipped, headers=dict(self.headers))
            response.headers["Content-Encoding"] = "gzip"
            # As GZipMiddleware does: the compressed bytes differ from the page's.
            response.headers["ETag"] = "W/" + response.headers["ETag"]
        patch_vary_headers(response, ("Accept-Encoding",))
        response.headers["Content-Length"] = str(len(response.content))
        return response


def may_use_cache(request) -> bool:
    """A GET or HEAD from a visitor who carries no credential or pending message."""
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    return not (
        settings.SESSION_COOKIE_NAME in cookies
        or getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies
    )


def current_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        # add(): two processes starting at once agree on the first token.
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    return version


# The token as this request read it: one read of the shared cache a request, for
# the page cache and for what processes remember under it (cms.process_memo).
# Set only while PageCacheMiddleware handles a request; elsewhere read afresh.
_request_version: ContextVar[dict | None] = ContextVar(
    "page_cache_request_version", default=None
)


def request_version() -> str:
    """The version token, read once per request (every time outside one)."""
    holder = _request_version.get()
    if holder is None:
        return current_version()
    if "version" not in holder:
        holder["version"] = current_version()
    return holder["version"]


def invalidate_all() -> None:
    """Forget every copy now and again once the current transaction commits.

    The second change stops a request that read the old rows before the commit
    from keeping its copy under the new token.
    """

    def bump():
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)

    bump()
    transaction.on_commit(bump)


# Vary headers the cache already honours on its own: only cookie-less requests
# use it, each copy keeps both encodings, and the language is part of every key.
_HANDLED_VARY = {"cookie", "accept-encoding", "accept-language"}


def _url_key(request, version: str) -> str:
    url = request.build_absolute_uri()
    digest = hashlib.sha256(url.encode()).hexdigest()
    # The chosen content language changes a course or lesson page (a notice, or a
    # redirect to its translation): one copy per choice, none shared across them.
    chosen = preferred_language(request)
    return f"pagecache:{version}:{request.LANGUAGE_CODE}:{chosen}:{digest}"


def varied_headers(response) -> list[str]:
    """The request headers an answer varies on that the key must hold (Save-Data)."""
    named = cc_delim_re.split(response.headers.get("Vary", ""))
    return sorted(
        {name.strip().lower() for name in named if name.strip()} - _HANDLED_VARY
    )


def cache_key(request, version: str, headers: list[str]) -> str:
    """As Django's learn_cache_key: one copy per value of the varied headers."""
    values = "\n".join(request.headers.get(name, "") for name in headers)
    return f"{_url_key(request, version)}:{hashlib.sha256(values.encode()).hexdigest()}"


def mark_page(request, page) -> None:
    """Called while Wagtail serves `page`: count it, and cache it unless restricted."""
    request.page_cache_page = (page.pk, page.specific_class._meta.label_lower)
    if getattr(request, "page_cache_eligible", False):
        request.page_cache_allowed = not page.get_view_restrictions().exists()


def cacheable(view):
    """Let the page cache keep anonymous answers of a public, non-Wagtail view."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.page_cache_allowed = True
        return view(request, *args, **kwargs)

    return wrapper


def _storable(request, response) -> bool:
    return (
        request.method == "GET"
        and getattr(request, "page_cache_allowed", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
        and not getattr(getattr(request, "session", None), "modified", False)
        and not getattr(getattr(request, "user", None), "is_authenticated", False)
    )


def _public_headers(response) -> None:
    patch_cache_control(response, public=True, max_age=settings.PAGE_MAX_AGE)
    # A proxy in front must not hand this copy to someone who is signed in.
    patch_vary_headers(response, ("Cookie",))
    response.headers["Last-Modified"] = http_date()
    set_response_etag(response)


def _send_viewed(request, response) -> None:
    served = getattr(request, "page_cache_page", None)
    if served and request.method == "GET" and response.status_code == 200:
        page_viewed.send(
            sender=None, page_id=served[0], model_label=served[1], request=request
        )


class PageCacheMiddleware:
    """Serve and keep anonymous copies; mark every other answer as private.

    Sits after the locale middleware (the language is part of the key) and inside
    the session, conditional GET and gzip middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reset = _request_version.set({})
        try:
            return self._serve(request)
        finally:
            _request_version.reset(reset)

    def _serve(self, request):
        eligible = settings.PAGE_CACHE_SECONDS > 0 and may_use_cache(request)
        request.page_cache_eligible = eligible
        if not eligible:
            return self._uncached(request, self.get_response(request))
        version = request_version()
        # Which headers this URL's answer varies on is learnt when it is kept.
        headers = cache.get(_url_key(request, version) + ":vary") or []
        copy = cache.get(cache_key(request, version, headers))
        if copy is not None:
            response = copy.response(request)
            response.headers[HIT_HEADER] = "hit"
            if copy.page_id is not None and request.method == "GET":
                page_viewed.send(
                    sender=None,
                    page_id=copy.page_id,
                    model_label=copy.model_label,
                    request=request,
                )
            return response
        response = self.get_response(request)
        if not _storable(request, response):
            return self._uncached(request, response)
        _public_headers(response)
        served = getattr(request, "page_cache_page", None) or (None, "")
        headers = varied_headers(response)
        cache.set(
            _url_key(request, version) + ":vary",
            headers,
            timeout=settings.PAGE_CACHE_SECONDS,
        )
        cache.set(
            cache_key(request, version, headers),
            CachedPage(
                content=response.content,
                gzipped=gzip.compress(response.content, mtime=0),
                headers=tuple(
                    (name, value)
                    for name, value in response.headers.items()
                    if name.lower() not in _NOT_STORED
                ),
                page_id=served[0],
                model_label=served[1],
            ),
            timeout=settings.PAGE_CACHE_SECONDS,
        )
        response.headers[HIT_HEADER] = "miss"
        _send_viewed(request, response)
        return response

    def _uncached(self, request, response):
        user = getattr(request, "user", None)
        personal = user is not None and user.is_authenticated
        public_page = getattr(request, "page_cache_page", None) or getattr(
            request, "page_cache_allowed", False
        )
        if (personal or public_page) and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        _send_viewed(request, response)
        return response


def _page_changed(sender, **kwargs) -> None:
    invalidate_all()


def _deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) or _shown_snippet(sender):
        invalidate_all()


def _shown_snippet(model) -> bool:
    # The CMS's own snippets are what public pages show; the learning apps'
    # snippets (quizzes, recognition records) change often and show on no copy.
    return model._meta.app_label == "cms" and model in get_snippet_models()


def _snippet_saved(sender, instance, **kwargs) -> None:
    if _shown_snippet(sender):
        invalidate_all()


def connect_signals() -> None:
    page_published.connect(_page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(_page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="page_cache_moved")
    post_delete.connect(_deleted, dispatch_uid="page_cache_deleted")
    post_save.connect(_snippet_saved, dispatch_uid="page_cache_snippet_saved")
    # A page made private must leave the cache, and a changed site (host, root
    # page) changes every address; processes' memories (cms.process_memo) too.
    for model in (Site, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(
                _page_changed,
                sender=model,
                dispatch_uid=f"page_cache_{model.__name__}_{signal is post_save}",
            )

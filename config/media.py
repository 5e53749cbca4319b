"""The embedded default's public media route, minus Wagtail documents: those are
served by Wagtail's view, which asks whether the pages using them are live."""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

PRIVATE_PREFIXES = {"documents"}


def serve_public_media(request, path):
    first = posixpath.normpath("/" + path).lstrip("/").split("/", 1)[0]
    if first in PRIVATE_PREFIXES:
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)

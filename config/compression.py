"""Gzip for the site's text answers: HTML, JSON, plain text and CSV.

Static files never reach this middleware (WhiteNoise serves its own pre-compressed
copies first); media, documents and video segments are already compressed or
served as files, so only the listed text types are compressed.

BREACH: a compressed page that reflects the visitor's input beside a secret lets an
attacker who can watch sizes guess the secret. Django masks the CSRF token anew in
every answer, the session id is never in a page, and anonymous pages carry no
secret at all. Answers that show a one-time secret (a temporary password) are
marked with ``@no_compression`` and sent as they are.
"""

from functools import wraps

from django.middleware.gzip import GZipMiddleware

COMPRESSED_TYPES = ("text/html", "application/json", "text/plain", "text/csv")


def no_compression(view):
    """Send this view's answers uncompressed: they carry a secret."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.no_compression = True
        return response

    return wrapper


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if content_type not in COMPRESSED_TYPES or getattr(
            response, "no_compression", False
        ):
            return response
        return super().process_response(request, response)

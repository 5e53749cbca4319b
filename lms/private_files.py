"""Private files: a storage that no URL reaches, and the one response that hands a
file to someone a view has already let through.

``STORAGES["private"]`` is a directory outside ``MEDIA_ROOT`` in the embedded default
and a private bucket or prefix at scale (config/settings/base.py). Models point at it
through ``private_storage`` so tests and settings can swap the backend.
"""

import mimetypes
import uuid
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core import checks
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.functional import LazyObject, cached_property, empty
from django.utils.http import content_disposition_header

PRIVATE_STORAGE = "private"

# Shown in the browser for an officer's quick look; everything else is downloaded.
INLINE_TYPES = {"application/pdf", "image/jpeg", "image/png", "image/webp"}


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on this machine under ``PRIVATE_MEDIA_ROOT``; they have no URL."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def url(self, name):
        raise NotImplementedError("Private files are served by a view, not by a URL.")


class PrivateStorage(LazyObject):
    """``STORAGES["private"]``, resolved on first use like Django's default_storage."""

    def _setup(self):
        self._wrapped = storages[PRIVATE_STORAGE]


private_storage = PrivateStorage()


def get_private_storage():
    """The storage callable for FileFields: migrations name it, not the backend."""
    return private_storage


def _reset_private_storage(*, setting, **kwargs):
    if setting in ("STORAGES", "PRIVATE_MEDIA_ROOT"):
        private_storage._wrapped = empty


setting_changed.connect(_reset_private_storage)


def check_private_root(app_configs=None, **kwargs) -> list:
    """Private files inside MEDIA_ROOT would be served by the public media route."""
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    public = Path(settings.MEDIA_ROOT).resolve()
    if private == public or public in private.parents:
        return [
            checks.Error(
                "PRIVATE_MEDIA_ROOT must not be inside MEDIA_ROOT.",
                id="lms.E001",
            )
        ]
    return []


def unguessable_name(folder: str, filename: str) -> str:
    """``folder/<random hex><ext>``: the original name never reaches the storage."""
    suffix = PurePosixPath(filename).suffix.lower()
    if not suffix[1:].isalnum() or len(suffix) > 8:
        suffix = ""
    return f"{folder}/{uuid.uuid4().hex}{suffix}"


def file_response(field_file, *, filename: str) -> HttpResponse:
    """The file for the one person asking: streamed from disk, or a short-lived
    signed URL on S3; never stored by a shared cache."""
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    as_attachment = content_type not in INLINE_TYPES
    storage = field_file.storage
    try:
        storage.path(field_file.name)
    except NotImplementedError:
        response = HttpResponseRedirect(
            storage.url(
                field_file.name,
                parameters={
                    "ResponseContentDisposition": content_disposition_header(
                        as_attachment, filename
                    ),
                    "ResponseContentType": content_type,
                    "ResponseCacheControl": "private, no-store",
                },
                expire=settings.PRIVATE_URL_SECONDS,
            )
        )
    else:
        try:
            handle = storage.open(field_file.name, "rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(
            handle,
            as_attachment=as_attachment,
            filename=filename,
            content_type=content_type,
        )
        # An uploaded file is shown, never run: no scripts, no guessing its type.
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response

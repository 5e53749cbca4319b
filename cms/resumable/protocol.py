"""tus 1.0 over HTTP: core (HEAD, PATCH), creation (POST) and termination (DELETE).

A view class to subclass: it says who may upload (``may_upload``) and how an
upload's URL is built (``upload_url``); uploads belong to the person who created
them and are 404 to anyone else. https://tus.io/protocols/resumable-upload
"""

import base64
import binascii

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.decorators import method_decorator
from django.utils.http import http_date
from django.views import View
from django.views.decorators.cache import never_cache

from cms.models import ResumableUpload

from . import service

VERSION = "1.0.0"
EXTENSIONS = "creation,termination"
CHUNK_TYPE = "application/offset+octet-stream"


def parse_metadata(header: str) -> dict[str, str]:
    """``Upload-Metadata``: comma-separated ``key base64(value)`` pairs."""
    metadata = {}
    for pair in filter(None, (part.strip() for part in header.split(","))):
        key, _space, encoded = pair.partition(" ")
        try:
            metadata[key] = base64.b64decode(encoded, validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            metadata[key] = ""
    return metadata


def _integer(value: str | None) -> int | None:
    if value is None or not value.isdigit():
        return None
    return int(value)


@method_decorator(never_cache, name="dispatch")
class TusView(View):
    http_method_names = ["options", "post", "head", "patch", "delete"]

    def may_upload(self, user) -> bool:
        raise NotImplementedError

    def upload_url(self, upload: ResumableUpload) -> str:
        raise NotImplementedError

    def answer(self, status: int, **headers) -> HttpResponse:
        response = HttpResponse(status=status)
        response["Tus-Resumable"] = VERSION
        for name, value in headers.items():
            response[name.replace("_", "-")] = str(value)
        return response

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated or not self.may_upload(request.user):
            return self.answer(403)
        if request.method != "OPTIONS" and request.headers.get("Tus-Resumable") != (
            VERSION
        ):
            return self.answer(412, Tus_Version=VERSION)
        try:
            return super().dispatch(request, *args, **kwargs)
        except service.UploadRefused as refusal:
            return self.answer(refusal.status)

    def options(self, request, *args, **kwargs):
        return self.answer(
            204,
            Tus_Version=VERSION,
            Tus_Extension=EXTENSIONS,
            Tus_Max_Size=settings.RESUMABLE_UPLOAD_MAX_BYTES,
        )

    def _own_upload(self, request, upload_id) -> ResumableUpload:
        if upload_id is None:
            raise Http404
        try:
            return ResumableUpload.objects.get(pk=upload_id, owner=request.user)
        except ResumableUpload.DoesNotExist:
            raise Http404 from None

    def post(self, request, upload_id=None):
        if upload_id is not None:
            return self.answer(405)
        length = _integer(request.headers.get("Upload-Length"))
        if length is None:
            return self.answer(400)
        metadata = parse_metadata(request.headers.get("Upload-Metadata", ""))
        upload = service.create_upload(
            owner=request.user,
            length=length,
            filename=metadata.get("filename", ""),
            content_type=metadata.get("filetype", ""),
        )
        return self.answer(
            201,
            Location=request.build_absolute_uri(self.upload_url(upload)),
            Upload_Expires=http_date(service.expires_at(upload).timestamp()),
        )

    def head(self, request, upload_id=None):
        upload = self._own_upload(request, upload_id)
        return self.answer(
            200,
            Upload_Offset=upload.offset,
            Upload_Length=upload.length,
            Upload_Expires=http_date(service.expires_at(upload).timestamp()),
        )

    def patch(self, request, upload_id=None):
        upload = self._own_upload(request, upload_id)
        if request.content_type != CHUNK_TYPE:
            return self.answer(415)
        offset = _integer(request.headers.get("Upload-Offset"))
        length = _integer(request.META.get("CONTENT_LENGTH"))
        if offset is None or length is None:
            return self.answer(400)
        upload = service.append_chunk(
            upload=upload, offset=offset, stream=request, length=length
        )
        return self.answer(
            204,
            Upload_Offset=upload.offset,
            Upload_Expires=http_date(service.expires_at(upload).timestamp()),
        )

    def delete(self, request, upload_id=None):
        service.terminate(self._own_upload(request, upload_id))
        return self.answer(204)

"""Staff views: the processing status of every upload, and the retry button."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.permissions import policy_registry

from cms.models import LessonMedia
from cms.models.media import TranscodeStatus

from .services import can_retry, retry_transcode

PAGE_SIZE = 50


def _policy():
    return policy_registry.get_by_type(LessonMedia)


def _require_change(request):
    if not _policy().user_has_permission(request.user, "change"):
        raise PermissionDenied


def status_index(request):
    _require_change(request)
    media = list(
        _policy()
        .instances_user_has_permission_for(request.user, "change")
        .order_by("-created_at")
        .only(
            "id",
            "title",
            "type",
            "created_at",
            "transcode_status",
            "transcode_percent",
            "transcode_error",
            "duration",
            "renditions",
        )[:PAGE_SIZE]
    )
    busy = any(
        m.transcode_status in {TranscodeStatus.QUEUED, TranscodeStatus.PROCESSING}
        for m in media
    )
    for item in media:
        item.retryable = can_retry(item)
    return TemplateResponse(
        request,
        "cms/video/admin/status_index.html",
        {
            "page_title": _("Media processing"),
            "header_icon": "media",
            "media_files": media,
            "refresh": busy,
        },
    )


@require_POST
def retry(request, media_id: int):
    _require_change(request)
    media = get_object_or_404(LessonMedia, pk=media_id)
    if retry_transcode(media=media) is None:
        messages.warning(
            request, _("'%(title)s' is already being processed.") % {"title": media}
        )
    else:
        messages.success(
            request, _("'%(title)s' will be processed again.") % {"title": media}
        )
    return redirect("media_status:index")


urlpatterns = [
    path("", status_index, name="index"),
    path("<int:media_id>/retry/", retry, name="retry"),
]

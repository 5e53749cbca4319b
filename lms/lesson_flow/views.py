"""The flow's pages under /quan-ly/bai-hoc-video/: thin, every right asked by rule."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from cms.course_tree import centre_page_of
from cms.models import Centre, LessonPage, ResumableUpload
from cms.resumable.protocol import TusView
from cms.video.audio_tracks import add_audio_track
from cms.video.probe import MediaRejected
from cms.video.subtitles import SubtitleRejected, add_subtitles

from . import selectors, services
from .forms import (
    AudioTrackForm,
    LessonForm,
    RecordingFields,
    SubtitleForm,
    TrimForm,
    question_forms,
)
from .status import is_pending, status_words

LOGIN_URL = "lms:login"
CHUNK_BYTES = 2 * 1024 * 1024  # ~16 s on a weak 3G link: little to resend on a drop
REFRESH_SECONDS = 5


def flow_centre(user) -> Centre:
    """The centre whose lessons the person makes; PermissionDenied for others."""
    centre = Centre.objects.filter(commune_id=user.commune_id).first()
    if centre is None or not user.has_perm("lms.use_lesson_flow"):
        raise PermissionDenied
    return centre


def _own_lesson(user, lesson_id) -> LessonPage:
    lesson = get_object_or_404(LessonPage, pk=lesson_id)
    if not user.has_perm("lms.change_flow_lesson", lesson):
        raise Http404
    return lesson


def _upload_context() -> dict:
    return {
        "upload_endpoint": reverse("lms:lesson-flow-uploads"),
        "chunk_bytes": CHUNK_BYTES,
    }


@never_cache
@login_required(login_url=LOGIN_URL)
def new_lesson(request):
    centre = flow_centre(request.user)
    centre_page = centre_page_of(centre)
    may_publish = bool(centre_page) and request.user.has_perm(
        "cms.publish_page", centre_page
    )
    form = LessonForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        centre=centre,
        may_publish=may_publish,
    )
    questions = question_forms(request.POST or None)
    if request.method == "POST" and all(
        [form.is_valid(), *(q.is_valid() for q in questions)]
    ):
        data = form.cleaned_data
        try:
            with form.recording() as (path, filename):
                lesson = services.send_lesson(
                    author=request.user,
                    centre=centre,
                    course=data["course"],
                    new_course_title=data["new_course"],
                    title=data["title"],
                    text=data["text"],
                    source=path,
                    filename=filename,
                    photo=data["photo"],
                    questions=[d for q in questions if (d := q.draft())],
                    publish=data.get("publish", False),
                    upload=data.get("resumable"),
                )
        except MediaRejected as rejection:
            form.add_error("file", rejection.message)
        else:
            return redirect("lms:lesson-flow-status", lesson_id=lesson.pk)
    return render(
        request,
        "lms/lesson_flow/new.html",
        {"centre": centre, "form": form, "questions": questions, **_upload_context()},
    )


@never_cache
@login_required(login_url=LOGIN_URL)
def status(request, lesson_id):
    flow_centre(request.user)
    lesson = _own_lesson(request.user, lesson_id)
    draft = lesson.get_latest_revision_as_object()
    media = selectors.current_media(lesson)
    return render(
        request,
        "lms/lesson_flow/status.html",
        {
            "lesson": lesson,
            "draft": draft,
            "course": lesson.get_parent(),
            "media": media,
            "words": status_words(media),
            "refresh_seconds": REFRESH_SECONDS if is_pending(media) else None,
            "tracks": media.audio_tracks.all() if media else [],
            "captions": media.captions.all() if media else [],
            "may_add_tracks": request.user.has_perm("cms.add_media_track", media),
        },
    )


@never_cache
@login_required(login_url=LOGIN_URL)
def trim(request, lesson_id):
    centre = flow_centre(request.user)
    lesson = _own_lesson(request.user, lesson_id)
    media = selectors.current_media(lesson)
    if media is None or not media.duration:
        raise Http404
    form = TrimForm(request.POST or None, duration=float(media.duration))
    if request.method == "POST" and form.is_valid():
        try:
            services.trim_lesson(
                author=request.user,
                centre=centre,
                lesson=lesson,
                media=media,
                start=form.cleaned_data["start"],
                end=form.cleaned_data["end"],
            )
        except MediaRejected as rejection:
            form.add_error(None, rejection.message)
        else:
            return redirect("lms:lesson-flow-status", lesson_id=lesson.pk)
    return render(
        request,
        "lms/lesson_flow/trim.html",
        {"lesson": lesson, "media": media, "form": form},
    )


@never_cache
@login_required(login_url=LOGIN_URL)
def replace(request, lesson_id):
    centre = flow_centre(request.user)
    lesson = _own_lesson(request.user, lesson_id)
    form = RecordingFields(
        request.POST or None, request.FILES or None, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            with form.recording() as (path, filename):
                services.swap_in_recording(
                    author=request.user,
                    centre=centre,
                    lesson=lesson,
                    source=path,
                    filename=filename,
                    upload=form.cleaned_data.get("resumable"),
                )
        except MediaRejected as rejection:
            form.add_error("file", rejection.message)
        else:
            return redirect("lms:lesson-flow-status", lesson_id=lesson.pk)
    return render(
        request,
        "lms/lesson_flow/replace.html",
        {"lesson": lesson, "form": form, **_upload_context()},
    )


def _own_video(user, lesson):
    media = selectors.current_media(lesson)
    if media is None or media.type != "video":
        raise Http404
    if not user.has_perm("cms.add_media_track", media):
        raise PermissionDenied
    return media


@never_cache
@login_required(login_url=LOGIN_URL)
def audio_track(request, lesson_id):
    flow_centre(request.user)
    lesson = _own_lesson(request.user, lesson_id)
    media = _own_video(request.user, lesson)
    form = AudioTrackForm(
        request.POST or None, request.FILES or None, user=request.user, media=media
    )
    if request.method == "POST" and form.is_valid():
        try:
            with form.recording() as (path, filename):
                add_audio_track(
                    media=media,
                    language=form.cleaned_data["language"],
                    source=path,
                    filename=filename,
                )
        except MediaRejected as rejection:
            form.add_error("file", rejection.message)
        else:
            return redirect("lms:lesson-flow-status", lesson_id=lesson.pk)
    return render(
        request,
        "lms/lesson_flow/audio_track.html",
        {"lesson": lesson, "media": media, "form": form, **_upload_context()},
    )


@never_cache
@login_required(login_url=LOGIN_URL)
def subtitles(request, lesson_id):
    flow_centre(request.user)
    lesson = _own_lesson(request.user, lesson_id)
    media = _own_video(request.user, lesson)
    form = SubtitleForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            add_subtitles(
                media=media,
                language=form.cleaned_data["language"],
                data=form.cleaned_data["file"].read(),
                on_by_default=form.cleaned_data["on_by_default"],
            )
        except SubtitleRejected as rejection:
            form.add_error("file", rejection.message)
        else:
            return redirect("lms:lesson-flow-status", lesson_id=lesson.pk)
    return render(
        request,
        "lms/lesson_flow/subtitles.html",
        {"lesson": lesson, "media": media, "form": form},
    )


class LessonUploads(TusView):
    """The tus endpoint of the flow: staff who may use it, their own uploads."""

    def may_upload(self, user) -> bool:
        return user.has_perm("lms.use_lesson_flow")

    def upload_url(self, upload: ResumableUpload) -> str:
        return reverse("lms:lesson-flow-upload", kwargs={"upload_id": upload.pk})

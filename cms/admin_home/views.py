"""The "Thêm bài học" entry: the new lesson form at once when there is one course."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import pgettext

from cms.admin_home.selectors import courses_for_new_lesson
from cms.constants import VIDEO_LESSON_FLOW_URL


def new_lesson_url(course) -> str:
    return reverse("wagtailadmin_pages:add", args=("cms", "lessonpage", course.pk))


def add_lesson(request):
    courses = [
        course
        for course in courses_for_new_lesson(request.user)
        if request.user.has_perm("cms.add_subpage", course)
    ]
    if not courses:
        raise PermissionDenied
    if len(courses) == 1:
        return redirect(new_lesson_url(courses[0]))
    return TemplateResponse(
        request,
        "cms/admin_home/add_lesson.html",
        {
            "page_title": pgettext("staff admin", "Add a lesson"),
            "header_icon": "doc-full-inverse",
            "choices": [(course, new_lesson_url(course)) for course in courses],
            "video_flow_url": VIDEO_LESSON_FLOW_URL,
        },
    )

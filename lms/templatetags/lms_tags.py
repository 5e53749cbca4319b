"""Template tags that bring learner data into CMS pages (cms never imports lms)."""

import math

from django import template
from django.utils import timezone

from cms.models import Centre, LessonPage
from cms.translations import source_page
from lms.models import ClassSession, LessonProgress, Quiz
from lms.services import progress as rules
from lms.services.enrolments import active_enrolment
from lms.services.lesson_length import lesson_length

register = template.Library()


def _user(context):
    request = context.get("request")
    return context.get("user") or (request.user if request else None)


@register.inclusion_tag("lms/tags/nav_user.html", takes_context=True)
def nav_user(context):
    """Sign-in links, or My learning (and management for staff)."""
    user = _user(context)
    return {
        "user": user,
        "is_staff": bool(user and user.has_perm("lms.use_staff_pages")),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("lms/tags/course_actions.html", takes_context=True)
def course_actions(context, page):
    """On a course page: the enrol button, or progress and where to continue."""
    user = _user(context)
    request = context.get("request")
    # A translated course's learners are enrolled in its Vietnamese source.
    page = source_page(page)
    data = {
        "user": user,
        "course": page,
        "course_url": page.get_url(request) if request else page.url,
        "csrf_token": context.get("csrf_token"),
    }
    if not (user and user.is_authenticated):
        return data
    enrolment = active_enrolment(learner=user, course_id=page.pk)
    data["enrolment"] = enrolment
    if enrolment and not enrolment.completed_at:
        lessons = list(LessonPage.objects.child_of(page).live().order_by("path"))
        done = set(
            LessonProgress.objects.filter(
                learner=user,
                lesson_id__in=[lesson.pk for lesson in lessons],
                completed_at__isnull=False,
            ).values_list("lesson_id", flat=True)
        )
        data["next_lesson"] = next((ls for ls in lessons if ls.pk not in done), None)
        data["final_quiz"] = Quiz.objects.filter(course=page).first()
    return data


@register.inclusion_tag("lms/tags/lesson_tracking.html", takes_context=True)
def lesson_tracking(context, page):
    """On a lesson page: the offline progress queue and the mark-done button."""
    user = _user(context)
    # The lesson page's context already holds its course: no query for the parent.
    course = context.get("course")
    course_id = course.pk if course is not None else page.get_parent().pk
    # Progress on a translated lesson is kept on its Vietnamese source: one lesson.
    source = source_page(page)
    if source.pk != page.pk:
        page, course_id = source, source.get_parent().pk
    data = {
        "user": user,
        "lesson": page,
        "course_id": course_id,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }
    if user and user.is_authenticated:
        data["enrolled"] = bool(active_enrolment(learner=user, course_id=course_id))
        progress = LessonProgress.objects.filter(learner=user, lesson=page).first()
        quiz = Quiz.objects.filter(lesson=page).first()
        timeline = rules.media_timeline(page)
        rule = rules.lesson_rule(
            has_quiz=quiz is not None,
            length=lesson_length(page, media_seconds=sum(s.duration for s in timeline)),
        )
        check = rules.check_rule(progress=progress, rule=rule)
        data.update(
            progress=progress,
            quiz=quiz,
            rule=rule,
            check=check,
            rule_minutes=math.ceil(rule.needed_seconds / 60),
            remaining_seconds=math.ceil(check.remaining),
        )
    return data


@register.inclusion_tag("lms/tags/centre_classes.html")
def centre_classes(centre, limit=5):
    """Upcoming in-person classes of a centre (a Centre or its CentrePage)."""
    if not isinstance(centre, Centre):
        centre = getattr(centre, "centre", None)
    sessions = (
        ClassSession.objects.filter(
            centre=centre, date__gte=timezone.localdate()
        ).order_by("date", "starts_at")[:limit]
        if centre
        else []
    )
    return {"sessions": sessions}

"""Learner data for the places CMS templates leave open (`{% page_slot %}`).

The CMS never loads an LMS tag library; it names places, and these functions,
registered as Wagtail hooks in `lms/wagtail_hooks.py`, fill them with the same
templates the LMS tags render.
"""

from lms.templatetags import lms_tags


def render_inclusion(context, template_name: str, data: dict) -> str:
    """Render an inclusion tag's template as Django's own inclusion tags do."""
    template = context.template.engine.get_template(template_name)
    return template.render(context.new(data))


def nav_user(context, page=None) -> str:
    return render_inclusion(
        context, "lms/tags/nav_user.html", lms_tags.nav_user(context)
    )


def course_actions(context, page) -> str:
    return render_inclusion(
        context, "lms/tags/course_actions.html", lms_tags.course_actions(context, page)
    )


def lesson_tracking(context, page) -> str:
    return render_inclusion(
        context,
        "lms/tags/lesson_tracking.html",
        lms_tags.lesson_tracking(context, page),
    )


def centre_classes(context, page) -> str:
    return render_inclusion(
        context, "lms/tags/centre_classes.html", lms_tags.centre_classes(page)
    )

"""Which quizzes a person may write: those of courses and lessons they may edit.

The page rights are Wagtail's (cms.place_rights: centre staff under their centre), so
a quiz follows its course or lesson: no second list of who works where.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permissions import page_permission_policy

from lms.models import Quiz


def editable_pages(user):
    return page_permission_policy.instances_user_has_permission_for(user, "change")


def quizzes_for(user):
    """The quizzes this user may see and edit in the admin."""
    if user.is_superuser:
        return Quiz.objects.all()
    pages = editable_pages(user).values("pk")
    return Quiz.objects.filter(Q(course__in=pages) | Q(lesson__in=pages))


def may_edit_quiz(user, quiz) -> bool:
    return quizzes_for(user).filter(pk=quiz.pk).exists()


class QuizAdminForm(WagtailAdminModelForm):
    """A quiz is attached to a course or lesson the author may edit."""

    def clean(self):
        cleaned_data = super().clean()
        user = self.for_user
        if user is None or user.is_superuser:
            return cleaned_data
        pages = editable_pages(user)
        chosen = [
            (name, cleaned_data.get(name))
            for name in ("lesson", "course")
            if cleaned_data.get(name)
        ]
        if not chosen:
            self.add_error("course", _("Choose a course or a lesson of your centre."))
        for name, page in chosen:
            if not pages.filter(pk=page.pk).exists():
                self.add_error(
                    name, _("You may attach quizzes only to your centre's courses.")
                )
        return cleaned_data

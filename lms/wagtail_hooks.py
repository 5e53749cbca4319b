"""Editor integration: quizzes as snippets, each person's limited to their courses;
the centre's classes this week on the admin home."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet

from lms import page_slots
from lms.admin_panels import ClassesThisWeekPanel
from lms.models import Quiz
from lms.quiz_scope import QuizAdminForm, may_edit_quiz, quizzes_for


class _OwnQuizOnly:
    def get_object(self, queryset=None):
        quiz = super().get_object(queryset)
        if not may_edit_quiz(self.request.user, quiz):
            raise PermissionDenied
        return quiz


class QuizEditView(_OwnQuizOnly, EditView):
    pass


class QuizDeleteView(_OwnQuizOnly, DeleteView):
    pass


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tick-inverse"
    menu_label = _("Quizzes")
    add_to_admin_menu = True
    list_display = ["title", "lesson", "course", "pass_mark"]
    search_fields = ["title"]
    edit_view_class = QuizEditView
    delete_view_class = QuizDeleteView
    edit_handler = ObjectList(Quiz.panels, base_form_class=QuizAdminForm)

    def get_queryset(self, request):
        return quizzes_for(request.user)


register_snippet(QuizViewSet)


@hooks.register("construct_homepage_panels")
def add_classes_this_week_panel(request, panels):
    panels.append(ClassesThisWeekPanel(request))


# Learner data in the places CMS templates leave open (cms never loads lms tags).
hooks.register("cms_page_slot_nav_user", page_slots.nav_user)
hooks.register("cms_page_slot_course_actions", page_slots.course_actions)
hooks.register("cms_page_slot_lesson_tracking", page_slots.lesson_tracking)
hooks.register("cms_page_slot_centre_classes", page_slots.centre_classes)

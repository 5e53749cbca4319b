"""Editor integration: quizzes as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.models import Quiz


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tick-inverse"
    menu_label = _("Quizzes")
    add_to_admin_menu = True
    list_display = ["title", "lesson", "course", "pass_mark"]
    search_fields = ["title"]


register_snippet(QuizViewSet)

"""The admin's "Dịch" (Translate) for a page, with what it needs above it.

Wagtail's ``simple_translation`` refuses a lesson whose course is not yet translated
("translate the parent page first"), which for a centre's staff means translating the
centre page, the course index and the course before one lesson. Here the missing
parents are made as *aliases* of the Vietnamese pages (Wagtail's ``copy_parents``):
they show the Vietnamese content, follow its edits, and can be translated later.
Who may translate is Wagtail's own answer: the right to edit the source page, which
the place groups give (cms.place_rights), plus the role's submit_translation right.
"""

from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView


class TranslatePageView(SubmitPageTranslationView):
    def get_form(self):
        form = super().get_form()
        # Every untranslated language is offered: parents are copied as needed.
        form.fields["locales"].widget.disabled_values = []
        form.fields["locales"].help_text = ""
        form.show_submit = bool(form.fields["locales"].queryset)
        return form

    def post(self, request, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(**kwargs))
        locales = list(form.cleaned_data["locales"])
        with transaction.atomic():
            for locale in locales:
                CopyPageForTranslationAction(
                    page=self.object,
                    locale=locale,
                    copy_parents=True,
                    include_subtree=form.cleaned_data["include_subtree"],
                    user=request.user,
                ).execute(skip_permission_checks=True)  # can_edit checked above
        if len(locales) == 1:
            names = locales[0].get_display_name()
            translated = self.object.get_translation(locales[0])
        else:
            names = _("%(locales_count)s locales") % {"locales_count": len(locales)}
            translated = None
        messages.success(request, self.get_success_message(names))
        return redirect(self.get_success_url(translated))


translate_page = require_admin_access(TranslatePageView.as_view())

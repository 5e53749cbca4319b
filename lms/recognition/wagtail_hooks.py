"""Criteria sets and indicators in the Wagtail admin, for province officers.

Opening a set (or one of its indicators) that is already in use opens its next
draft version instead, so the rules past evaluations were made under never change.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from lms.recognition.constants import SetStatus
from lms.recognition.models import CriteriaSet, Indicator
from lms.recognition.services import versioning


class CriteriaSetEditView(EditView):
    def dispatch(self, request, *args, **kwargs):
        if versioning.is_in_use(self.object):
            copy = versioning.new_version(criteria_set=self.object, actor=request.user)
            messages.warning(
                request,
                _(
                    "This criteria set is already used by dossiers or evaluations, so "
                    "it is never changed in place: you are editing its new draft "
                    "version %(version)s."
                )
                % {"version": copy.version},
            )
            return redirect(self.get_edit_url_for(copy))
        return super().dispatch(request, *args, **kwargs)

    def get_edit_url_for(self, obj):
        return reverse(self.edit_url_name, args=[obj.pk])

    def save_instance(self):
        instance = super().save_instance()
        if instance.status == SetStatus.ACTIVE:
            versioning.activate(criteria_set=instance, actor=self.request.user)
        return instance


class IndicatorEditView(EditView):
    def dispatch(self, request, *args, **kwargs):
        criteria_set = self.object.criterion.criteria_set
        if versioning.is_in_use(criteria_set):
            copy = versioning.new_version(criteria_set=criteria_set, actor=request.user)
            target = versioning.matching_indicator(self.object, copy)
            messages.warning(
                request,
                _(
                    "This criteria set is already used by dossiers or evaluations, so "
                    "it is never changed in place: you are editing its new draft "
                    "version %(version)s."
                )
                % {"version": copy.version},
            )
            return redirect(reverse(self.edit_url_name, args=[target.pk]))
        return super().dispatch(request, *args, **kwargs)


class CriteriaSetViewSet(SnippetViewSet):
    model = CriteriaSet
    icon = "list-ol"
    menu_label = gettext_lazy("Criteria sets")
    list_display = ["name", "version", "model", "scope", "status", "valid_from"]
    list_filter = ["model", "status"]
    search_fields = ["name", "code"]
    edit_view_class = CriteriaSetEditView


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "tick"
    menu_label = gettext_lazy("Indicators")
    list_display = ["code", "text", "kind", "threshold", "unconfirmed", "criterion"]
    list_filter = ["kind", "unconfirmed", "criterion__criteria_set__model"]
    search_fields = ["text", "code"]
    edit_view_class = IndicatorEditView


class RecognitionGroup(SnippetViewSetGroup):
    items = (CriteriaSetViewSet, IndicatorViewSet)
    menu_icon = "pick"
    menu_label = gettext_lazy("Learning models")
    menu_name = "learning-models"


register_snippet(RecognitionGroup)

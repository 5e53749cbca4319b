"""Criteria sets, indicators and recognising authorities in the Wagtail admin,
kept by province officers.

Opening a set (or one of its indicators) that is already in use opens its next
draft version instead, so the rules past evaluations were made under never change.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from accounts.places import place_of
from lms.recognition.constants import SetStatus
from lms.recognition.models import CriteriaSet, Indicator, RecognisingAuthority
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


class RulesPermissionPolicy(ModelPermissionPolicy):
    """Asks the app's rules with the instance, so a province officer edits only the
    rows of their own province."""

    def user_has_permission_for_instance(self, user, action, instance):
        return user.has_perm(self._get_permission_name(action), instance)

    def instances_user_has_any_permission_for(self, user, actions):
        rows = self.model._default_manager.all()
        if user.is_active and user.is_superuser:
            return rows
        if not self.user_has_any_permission(user, actions):
            return rows.none()
        return rows.filter(province_id=place_of(user).province_id)


register_permission_policy(
    RecognisingAuthority, RulesPermissionPolicy(RecognisingAuthority)
)


class AuthorityForm(WagtailAdminModelForm):
    """A province officer's rows are always their own province's."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not for_user.is_superuser:
            field = self.fields["province"]
            field.queryset = field.queryset.filter(pk=place_of(for_user).province_id)
            field.required = True
            field.empty_label = None


class AuthorityEditView(EditView):
    # Wagtail's edit view checks the model permission only; the row's province counts.
    def get_object(self, queryset=None):
        authority = super().get_object(queryset)
        if not self.request.user.has_perm(
            "recognition.change_recognisingauthority", authority
        ):
            raise PermissionDenied
        return authority


class AuthorityViewSet(SnippetViewSet):
    model = RecognisingAuthority
    icon = "user"
    menu_label = gettext_lazy("Recognising authorities")
    list_display = ["model", "level", "province", "authority", "signer_title"]
    list_filter = ["model", "level"]
    edit_view_class = AuthorityEditView

    def get_queryset(self, request):
        policy = RulesPermissionPolicy(RecognisingAuthority)
        return policy.instances_user_has_any_permission_for(
            request.user, {"view", "change"}
        ).select_related("province")

    edit_handler = ObjectList(
        [
            FieldPanel("model"),
            FieldPanel("level"),
            FieldPanel("province"),
            FieldPanel("authority"),
            FieldPanel("parent_authority"),
            FieldPanel("signer_title"),
            FieldPanel("signer_name"),
            FieldPanel("legal_basis"),
        ],
        base_form_class=AuthorityForm,
    )


class RecognitionGroup(SnippetViewSetGroup):
    items = (CriteriaSetViewSet, IndicatorViewSet, AuthorityViewSet)
    menu_icon = "pick"
    menu_label = gettext_lazy("Learning models")
    menu_name = "learning-models"


register_snippet(RecognitionGroup)

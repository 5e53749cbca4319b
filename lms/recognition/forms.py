"""Forms of the recognition pages."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.recognition.constants import DossierStatus, LearningModel
from lms.recognition.decision_register import RegisterFilter


class QueueFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False)
    model = forms.ChoiceField(
        label=_("Learning model"),
        required=False,
        choices=[("", _("All models")), *LearningModel.choices],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("To verify or recognise")), *DossierStatus.choices],
    )
    village = forms.ModelChoiceField(
        label=_("Village"), required=False, queryset=None, empty_label=_("All villages")
    )

    def __init__(self, *args, villages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = villages


class DecisionForm(forms.Form):
    number = forms.CharField(label=_("Decision number"), max_length=60)
    date = forms.DateField(
        label=_("Decision date"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    authority = forms.CharField(label=_("Authority"), max_length=200, required=False)
    signer_name = forms.CharField(label=_("Signer"), max_length=120, required=False)
    signer_title = forms.CharField(
        label=_("Signer's title"), max_length=120, required=False
    )
    override_reason = forms.CharField(
        label=_("Reason for recognising without meeting the criteria"),
        help_text=_(
            "Only if a ticked dossier does not meet the criteria. The reason is kept "
            "in the dossier's history and shown with the published list."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2})
    )


class RegisterFilterForm(forms.Form):
    """The register's filters: the years that have decisions, and the model."""

    year = forms.TypedChoiceField(
        label=_("Year of the title"), required=False, coerce=int, empty_value=None
    )
    model = forms.ChoiceField(
        label=_("Learning model"),
        required=False,
        choices=[("", _("All models")), *LearningModel.choices],
    )

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [
            ("", _("All years")),
            *((year, str(year)) for year in years),
        ]

    def filters(self) -> RegisterFilter:
        """What was validly asked for."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        # An invalid field is left out of cleaned_data, so it filters nothing.
        return RegisterFilter(year=data.get("year"), model=data.get("model") or "")

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.models import InstitutionLibraryPage


class BulkUploadForm(forms.Form):
    archive = forms.FileField(
        label=_("ZIP of files"),
        help_text=_("The PDF and other files the manifest names, in one .zip file."),
    )
    manifest = forms.FileField(
        label=_("Manifest (CSV or XLSX)"),
        required=False,
        help_text=_(
            "One row per resource. Leave empty if manifest.csv or manifest.xlsx is "
            "inside the ZIP."
        ),
    )
    section = forms.ModelChoiceField(
        label=_("Institution section"),
        queryset=InstitutionLibraryPage.objects.none(),
        required=False,
    )

    def __init__(self, *args, fixed_section=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed_section = fixed_section
        if fixed_section is not None:
            del self.fields["section"]
        else:
            self.fields["section"].queryset = InstitutionLibraryPage.objects.order_by(
                "title"
            )
            self.fields["section"].required = True

    def clean_manifest(self):
        manifest = self.cleaned_data.get("manifest")
        if manifest and not manifest.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("The manifest must be a .csv or .xlsx file."))
        return manifest

    def chosen_section(self) -> InstitutionLibraryPage:
        return self.fixed_section or self.cleaned_data["section"]

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from cms.review import contributor_section

from .forms import BulkUploadForm
from .service import BundleError, import_bundle


def bulk_upload(request):
    """Upload a ZIP and a manifest; show a row-by-row report of what was created."""
    if not request.user.has_perm("cms.bulk_upload_resources"):
        raise PermissionDenied
    section = contributor_section(request.user)
    report = None
    if request.method == "POST":
        form = BulkUploadForm(request.POST, request.FILES, fixed_section=section)
        if form.is_valid():
            try:
                report = import_bundle(
                    user=request.user,
                    section=form.chosen_section(),
                    archive=form.cleaned_data["archive"],
                    manifest=form.cleaned_data.get("manifest"),
                )
            except BundleError as error:
                form.add_error(None, str(error))
    else:
        form = BulkUploadForm(fixed_section=section)
    return render(
        request,
        "cms/bulk_upload/upload.html",
        {
            "form": form,
            "report": report,
            "section": section,
            "page_title": _("Bulk upload of open resources"),
            "header_title": _("Bulk upload of open resources"),
        },
    )

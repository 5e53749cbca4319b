"""The one door to an evidence file: the dossier's rule decides, the storage serves."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404

from lms.models import AccessKind
from lms.private_files import file_response
from lms.recognition.models import Evidence
from lms.recognition.services.privacy import subject_person
from lms.services.access_log import log_personal_data_access


@login_required
def evidence_file(request, pk):
    evidence = get_object_or_404(
        Evidence.objects.select_related(
            "answer__dossier__commune",
            "answer__dossier__household",
            "answer__dossier__clan",
            "answer__dossier__unit",
        ),
        pk=pk,
    )
    # Refused and missing look the same: nobody learns that a file exists.
    dossier = evidence.answer.dossier
    if not request.user.has_perm("recognition.view_evidence", dossier):
        raise Http404
    log_personal_data_access(
        viewer=request.user,
        subject=subject_person(dossier),
        what=AccessKind.EVIDENCE,
        detail=evidence.original_name,
        path=request.path,
    )
    return file_response(evidence.file, filename=evidence.original_name)

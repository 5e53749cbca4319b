"""A recognition decision's page and its PDF (decision and annex), for those who
may read it (``recognition.view_decision``)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from lms.recognition.decision_pdf import decision_pdf
from lms.recognition.models import Decision


def _decision(request, pk) -> Decision:
    decision = get_object_or_404(
        Decision.objects.select_related("commune__province"), pk=pk
    )
    if not request.user.has_perm("recognition.view_decision", decision):
        raise Http404  # as for a missing one: ids are not enumerable
    return decision


@never_cache
@login_required
def decision_detail(request, pk):
    decision = _decision(request, pk)
    dossiers = decision.dossiers.select_related("village").order_by(
        "village__name", "subject_name", "pk"
    )
    return render(
        request,
        "recognition/decision.html",
        {"decision": decision, "dossiers": dossiers},
    )


@never_cache
@login_required
def decision_file(request, pk):
    decision = _decision(request, pk)
    pdf = decision_pdf(decision, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="quyet-dinh-{decision.pk}.pdf"'
    return response

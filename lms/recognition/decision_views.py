"""A recognition decision's page and its PDF (decision and annex), for those who
may read it (``recognition.view_decision``), and the register of the decisions an
officer or staff member may read (``recognition.view_decision_register``)."""

from dataclasses import asdict
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from lms.recognition.decision_pdf import decision_pdf
from lms.recognition.decision_register import (
    RegisterFilter,
    register_area,
    register_decisions,
    register_xlsx,
    register_years,
)
from lms.recognition.forms import RegisterFilterForm
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


REGISTER_PAGE_SIZE = 25
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _register_filters(request) -> tuple[RegisterFilterForm, RegisterFilter]:
    if not request.user.has_perm("recognition.view_decision_register"):
        raise PermissionDenied
    form = RegisterFilterForm(request.GET or None, years=register_years(request.user))
    return form, form.filters()


def _filter_query(filters: RegisterFilter) -> str:
    """The filters as a query string, for the page links and the XLSX link."""
    return urlencode(
        {
            key: value
            for key, value in asdict(filters).items()
            if value not in (None, "")
        }
    )


@never_cache
@login_required
def decision_register(request):
    """Sổ quyết định công nhận: the decisions the user may read, newest first."""
    form, filters = _register_filters(request)
    decisions = register_decisions(request.user, filters)
    page = Paginator(decisions, REGISTER_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "recognition/decision_register.html",
        {
            "form": form,
            "page_obj": page,
            "decisions": page.object_list,
            "querystring": _filter_query(filters),
            "area": register_area(request.user),
        },
    )


@never_cache
@login_required
def decision_register_xlsx(request):
    """The register as filtered on the page, one XLSX sheet in the official layout."""
    _form, filters = _register_filters(request)
    response = HttpResponse(
        register_xlsx(request.user, filters), content_type=XLSX_TYPE
    )
    name = "so-quyet-dinh-cong-nhan" + (f"-{filters.year}" if filters.year else "")
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response

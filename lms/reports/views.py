"""Officer dashboards, the printable report and the exports, all at /bao-cao/."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.models import Commune, Province, Village
from lms import official_layout

from . import exports, official, presentation, scope
from .figures import COMPARISON_YEARS, build_report

FIRST_YEAR = 2015
MAX_COMPARISON = 10


def _year(request) -> int:
    current = timezone.localdate().year
    raw = request.GET.get("year", "")
    if not raw:
        return current
    try:
        year = int(raw)
    except ValueError:
        year = 0
    if not FIRST_YEAR <= year <= current + 1:
        messages.warning(
            request,
            _("The year must be a number from %(first)s to %(last)s; showing %(year)s.")
            % {"first": FIRST_YEAR, "last": current + 1, "year": current},
        )
        return current
    return year


def _scope(request) -> scope.Scope:
    codes = {
        "province": request.GET.get("province", "").strip(),
        "commune": request.GET.get("commune", "").strip(),
        "village": request.GET.get("village", "").strip(),
    }
    # The dashboard's area picker sends "village:12", "commune:03037",
    # "province:10" or ":".
    kind, _sep, code = request.GET.get("area", "").partition(":")
    if kind in codes:
        codes[kind] = code.strip()
    try:
        return scope.resolve(request.user, **codes)
    except LookupError as error:
        raise Http404(str(error)) from error


def _picker_value(area: scope.Scope) -> str:
    """The area as the picker sends it: "village:12", "commune:03037", ":"."""
    return ":".join(next(iter(area.query_params.items()), ("", "")))


def _area_choices(home: scope.Scope) -> list[tuple[str, str]]:
    """(picker value, label) of the areas the user may pick, home first."""
    if home.level == scope.Level.VILLAGE:
        return [(_picker_value(home), home.label)]
    if home.level == scope.Level.COMMUNE:
        # A province's thousand villages would swamp the picker; a commune's do not.
        villages = Village.objects.filter(commune=home.commune).order_by("name")
        return [(_picker_value(home), home.label)] + [
            (f"village:{v.pk}", f"– {v.name}") for v in villages.only("name")
        ]
    if home.level == scope.Level.PROVINCE:
        communes = Commune.objects.current().filter(province=home.province)
        return [(_picker_value(home), home.label)] + [
            (f"commune:{c.code}", c.name) for c in communes.only("code", "name")
        ]
    return [(_picker_value(home), home.label)] + [
        (f"province:{p.code}", p.name) for p in Province.objects.only("code", "name")
    ]


def _compare(request) -> int:
    raw = request.GET.get("compare", "")
    return (
        int(raw) if raw.isdigit() and int(raw) <= MAX_COMPARISON else COMPARISON_YEARS
    )


def _context(request):
    area = _scope(request)
    report = build_report(scope=area, year=_year(request), compare=_compare(request))
    return area, report


@login_required
def dashboard(request):
    area, report = _context(request)
    current = timezone.localdate().year
    return render(
        request,
        "reports/dashboard.html",
        {
            "report": report,
            "sections": presentation.sections(report),
            "area": area,
            "areas": _area_choices(scope.home_scope(request.user)),
            "picked": _picker_value(area),
            "years": range(current + 1, FIRST_YEAR - 1, -1),
            "comparisons": range(MAX_COMPARISON + 1),
            "query": {
                **area.query_params,
                "year": report.year,
                "compare": report.compare,
            },
        },
    )


@login_required
def printable(request):
    # A paper report in the official layout goes upward in Vietnamese, as the
    # exports do, whatever the language of the screen.
    with translation.override("vi"):
        area, report = _context(request)
        sections = presentation.sections(report)
        printed = [(s, official.form_for(s.table.key)) for s in sections]
        title = exports.report_title(report)
        return render(
            request,
            "reports/print.html",
            {
                "report": report,
                "printed": printed,
                "title": title,
                "heading": official.heading(report, title=title),
                "form_range": official.form_range([form for _s, form in printed]),
                "nation": official_layout.NATION,
                "motto": official_layout.MOTTO,
                "prepared_by": official_layout.PREPARED_BY,
                "prepared_by_hint": official_layout.PREPARED_BY_HINT,
                "head_of_unit": official_layout.HEAD_OF_UNIT,
                "head_of_unit_hint": official_layout.HEAD_OF_UNIT_HINT,
            },
        )


@login_required
def export(request, fmt: str):
    # Officers send these files upward: Vietnamese headers whatever the UI language.
    with translation.override("vi"):
        return _export(request, fmt)


def _file_area(area: scope.Scope) -> str:
    if area.level == scope.Level.VILLAGE:  # a bare id would read as a commune code
        return f"thon-{area.village.pk}"
    return "-".join(area.query_params.values()) or "toan-bo"


def _export(request, fmt: str):
    area, report = _context(request)
    key = request.GET.get("table", "")
    if key:
        table = presentation.table_by_key(report, key)
        if table is None:
            raise Http404(_("There is no such table in the report."))
        tables = [table]
    else:
        tables = presentation.tables(report)
    name = f"bao-cao-{report.year}-{_file_area(area)}"
    if key:
        name += f"-{key}"
    if fmt == "xlsx":
        response = HttpResponse(
            exports.to_xlsx(report, tables),
            content_type=(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
        )
    elif fmt == "csv":
        response = HttpResponse(
            exports.to_csv(report, tables), content_type="text/csv; charset=utf-8"
        )
    else:
        raise Http404(_("Unknown export format."))
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response

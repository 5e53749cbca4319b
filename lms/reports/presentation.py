"""A report's figures laid out as tables and charts, the same for every output.

The dashboard and the printable page show these tables and the charts drawn from
them; the exports and the command write the very same tables.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .charts import Chart, Series, bar_chart
from .exports import TEXT, Column, Table
from .figures import Report


@dataclass(frozen=True)
class Section:
    """A table of the report and the charts drawn from it."""

    table: Table
    charts: tuple[Chart, ...] = ()


def library_table(report: Report) -> Table:
    return Table(
        key="library",
        title=_("Open-resource library: resources and views"),
        unit=_("resources; views"),
        columns=(
            Column(_("Institution"), TEXT),
            Column(_("Licence"), TEXT),
            Column(_("Resources")),
            Column(_("Views in the year")),
        ),
        rows=tuple(
            (row.institution, row.licence, row.resources, row.views)
            for row in report.library
        ),
    )


def sections(report: Report) -> list[Section]:
    library = library_table(report)
    library_chart = bar_chart(
        chart_id="chart-library",
        title=library.title,
        desc=_("Resources and views in %(year)s per institution and licence.")
        % {"year": report.year},
        labels=[f"{row.institution} ({row.licence})" for row in report.library],
        series=[
            Series(_("Resources"), tuple(r.resources for r in report.library)),
            Series(_("Views in the year"), tuple(r.views for r in report.library)),
        ],
        label_header=_("Institution"),
    )
    return [Section(library, (library_chart,))]


def tables(report: Report) -> list[Table]:
    return [section.table for section in sections(report)]


def table_by_key(report: Report, key: str) -> Table | None:
    return next((t for t in tables(report) if t.key == key), None)


def as_dict(report: Report) -> dict:
    """The report as JSON-ready data: what the command writes with ``--format json``."""
    return {
        "title": _("Lifelong learning report, year %(year)s") % {"year": report.year},
        "year": report.year,
        "level": report.level,
        "area": report.area_label,
        "area_codes": report.scope.query_params,
        "generated_at": report.generated_at.isoformat(),
        "tables": [
            {
                "key": table.key,
                "title": table.title,
                "unit": table.unit,
                "columns": [column.header for column in table.columns],
                "rows": [list(row) for row in table.rows],
            }
            for table in tables(report)
        ],
    }

"""A report's figures laid out as tables and charts, the same for every output.

The dashboard and the printable page show these tables and the charts drawn from
them; the exports and the command write the very same tables.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from lms.recognition.constants import LearningModel

from .charts import Chart, Series, bar_chart, line_chart
from .exports import FLOAT, PERCENT, TEXT, Column, Table
from .figures import MODELS, Report
from .scope import Level

CITIZEN = LearningModel.CITIZEN


def model_label(model: str) -> str:
    return str(LearningModel(model).label)


@dataclass(frozen=True)
class Section:
    """A table of the report and the charts drawn from it."""

    table: Table
    charts: tuple[Chart, ...] = ()


def _funnel_columns(first: str) -> tuple[Column, ...]:
    return (
        Column(first, TEXT),
        Column(_("Registered")),
        Column(_("Self-assessed")),
        Column(_("Verified")),
        Column(_("Recognised")),
        Column(_("Self-assessed, share of registered (%)"), PERCENT),
        Column(_("Verified, share of registered (%)"), PERCENT),
        Column(_("Recognised, share of registered (%)"), PERCENT),
    )


def _funnel_cells(funnel) -> tuple:
    return (
        funnel.registered,
        funnel.self_assessed,
        funnel.verified,
        funnel.recognised,
        funnel.self_assessed_rate,
        funnel.verified_rate,
        funnel.recognised_rate,
    )


def _learning_columns(first: str) -> tuple[Column, ...]:
    return (
        Column(first, TEXT),
        Column(_("Enrolments")),
        Column(_("Courses completed")),
        Column(_("Completion rate of the year's enrolments (%)"), PERCENT),
        Column(_("Online learning hours"), FLOAT),
        Column(_("In-person learning hours"), FLOAT),
        Column(_("Class attendances")),
    )


def _learning_cells(learning) -> tuple:
    return (
        learning.enrolments,
        learning.completions,
        learning.completion_rate,
        learning.online_hours,
        learning.in_person,
        learning.attendances,
    )


def recognition_table(report: Report) -> Table:
    return Table(
        key="recognition",
        title=_("Learning models: registration, assessment and recognition"),
        unit=_("dossiers; %"),
        columns=_funnel_columns(_("Learning model")),
        rows=tuple(
            (model_label(m), *_funnel_cells(report.totals.recognition[m]))
            for m in MODELS
        ),
    )


def targets_table(report: Report) -> Table:
    def verdict(line) -> str:
        if line.met is None:
            return "–"
        return _("Reached") if line.met else _("Not reached yet")

    return Table(
        key="targets",
        title=_("Towards the targets (%(source)s)")
        % {"source": settings.REPORT_TARGETS.get("source", "")},
        unit=_("recognised this year; all there are now; %"),
        columns=(
            Column(_("Target"), TEXT),
            Column(_("Recognised")),
            Column(_("All")),
            Column(_("Share (%)"), PERCENT),
            Column(_("Target (%)"), PERCENT),
            Column(_("Result"), TEXT),
        ),
        rows=tuple(
            (
                line.label,
                line.recognised,
                line.total,
                line.rate,
                line.target,
                verdict(line),
            )
            for line in report.targets
        ),
    )


def recognition_by_area_table(report: Report) -> Table:
    columns = [Column(report.area_kind, TEXT)]
    for m in MODELS:
        label = model_label(m)
        columns += [
            Column(_("%(model)s: registered") % {"model": label}),
            Column(_("%(model)s: recognised") % {"model": label}),
            Column(_("%(model)s: recognised (%%)") % {"model": label}, PERCENT),
        ]
    rows = []
    for row in report.by_area:
        cells = [row.label]
        for m in MODELS:
            funnel = row.recognition[m]
            cells += [funnel.registered, funnel.recognised, funnel.recognised_rate]
        rows.append(tuple(cells))
    return Table(
        key="recognition_by_area",
        title=_("Learning models by %(area)s") % {"area": report.area_kind.lower()},
        unit=_("dossiers; %"),
        columns=tuple(columns),
        rows=tuple(rows),
    )


def citizens_by_group_table(report: Report) -> Table:
    return Table(
        key="citizens_by_group",
        title=_("Learning citizens by target group"),
        unit=_("people; %"),
        columns=_funnel_columns(_("Target group")),
        rows=tuple(
            (row.label, *_funnel_cells(row.recognition[CITIZEN]))
            for row in report.by_group
        ),
    )


def learning_by_area_table(report: Report) -> Table:
    return Table(
        key="learning_by_area",
        title=_("Courses and learning hours by %(area)s")
        % {"area": report.area_kind.lower()},
        unit=_("enrolments; courses; %; hours; attendances"),
        columns=_learning_columns(report.area_kind),
        rows=tuple(
            (row.label, *_learning_cells(row.learning)) for row in report.by_area
        )
        + ((_("Total"), *_learning_cells(report.totals.learning)),),
    )


def learning_by_group_table(report: Report) -> Table:
    return Table(
        key="learning_by_group",
        title=_("Courses and learning hours by target group"),
        unit=_("enrolments; courses; %; hours; attendances"),
        columns=_learning_columns(_("Target group")),
        rows=tuple(
            (row.label, *_learning_cells(row.learning)) for row in report.by_group
        ),
    )


def _class_columns(first: str) -> tuple[Column, ...]:
    return (
        Column(first, TEXT),
        Column(_("Classes held")),
        Column(_("Class hours"), FLOAT),
        Column(_("Attendances")),
    )


def _class_cells(classes) -> tuple:
    return (classes.sessions, float(classes.hours), classes.attendances)


def classes_table(report: Report) -> Table:
    """Per topic at commune level; per area above it, where centres differ."""
    if report.level == Level.COMMUNE:
        rows = tuple((t.topic, *_class_cells(t.classes)) for t in report.topics)
        first, title = _("Topic"), _("In-person classes by topic")
    else:
        rows = tuple((r.label, *_class_cells(r.classes)) for r in report.by_area)
        first = report.area_kind
        title = _("In-person classes by %(area)s") % {"area": report.area_kind.lower()}
    return Table(
        key="classes",
        title=title,
        unit=_("classes; hours; attendances"),
        columns=_class_columns(first),
        rows=rows + ((_("Total"), *_class_cells(report.totals.classes)),),
    )


def trend_table(report: Report) -> Table:
    columns = (
        Column(_("Year"), TEXT),
        Column(_("Dossiers registered (all models)")),
        Column(_("Recognised (all models)")),
        Column(_("Learning citizens recognised")),
        Column(_("Enrolments")),
        Column(_("Courses completed")),
        Column(_("Online learning hours"), FLOAT),
        Column(_("In-person learning hours"), FLOAT),
        Column(_("Classes held")),
    )
    rows = tuple(
        (
            str(y.year),
            y.all_models.registered,
            y.all_models.recognised,
            y.recognition[CITIZEN].recognised,
            y.learning.enrolments,
            y.learning.completions,
            y.learning.online_hours,
            y.learning.in_person,
            y.classes.sessions,
        )
        for y in report.trend
    )
    if report.level == Level.VILLAGE:  # classes are not counted per village
        columns, rows = columns[:-1], tuple(row[:-1] for row in rows)
    return Table(
        key="trend",
        title=_("Comparison with earlier years"),
        unit=_("dossiers; people; enrolments; courses; hours; classes"),
        columns=columns,
        rows=rows,
    )


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


TABLES = (
    recognition_table,
    targets_table,
    recognition_by_area_table,
    citizens_by_group_table,
    learning_by_area_table,
    learning_by_group_table,
    classes_table,
    trend_table,
    library_table,
)


# A village report leaves out what it would only repeat (its one row of learning
# models is the first table) or cannot count (classes belong to the commune).
NOT_FOR_VILLAGES = (recognition_by_area_table, classes_table)


def tables(report: Report) -> list[Table]:
    builders = TABLES
    if report.level == Level.VILLAGE:
        builders = [b for b in TABLES if b not in NOT_FOR_VILLAGES]
    return [build(report) for build in builders]


def table_by_key(report: Report, key: str) -> Table | None:
    return next((t for t in tables(report) if t.key == key), None)


# --- charts -------------------------------------------------------------------------


def _column(table: Table, index: int, rows=None) -> tuple:
    return tuple(row[index] or 0 for row in (rows or table.rows))


def _bars(table: Table, chart_id: str, desc: str, indexes, rows=None) -> Chart:
    rows = rows if rows is not None else table.rows
    return bar_chart(
        chart_id=chart_id,
        title=table.title,
        desc=desc,
        labels=[str(row[0]) for row in rows],
        series=[
            Series(table.columns[i].header, _column(table, i, rows)) for i in indexes
        ],
        label_header=table.columns[0].header,
    )


def _charts(report: Report, table: Table) -> tuple[Chart, ...]:
    year = {"year": report.year, "area": report.area_label}
    body = table.rows[:-1] if table.key in ("learning_by_area", "classes") else None
    if table.key == "recognition":
        desc = _("Dossiers of each learning model in %(year)s, %(area)s.") % year
        return (_bars(table, "chart-recognition", desc, (1, 2, 3, 4)),)
    if table.key == "recognition_by_area":
        labels = [row.label for row in report.by_area]
        return (
            bar_chart(
                chart_id="chart-recognition-area",
                title=table.title,
                desc=_("Dossiers registered and recognised, all models, %(year)s.")
                % year,
                labels=labels,
                series=[
                    Series(
                        _("Registered"),
                        tuple(r.all_models.registered for r in report.by_area),
                    ),
                    Series(
                        _("Recognised"),
                        tuple(r.all_models.recognised for r in report.by_area),
                    ),
                ],
                label_header=report.area_kind,
            ),
        )
    if table.key == "citizens_by_group":
        desc = _("Learning citizens registered and recognised in %(year)s.") % year
        return (_bars(table, "chart-citizens-group", desc, (1, 4)),)
    if table.key == "learning_by_area":
        return (
            _bars(
                table,
                "chart-learning-area",
                _("Enrolments and courses completed in %(year)s.") % year,
                (1, 2),
                body,
            ),
            _bars(
                table,
                "chart-hours-area",
                _("Online and in-person learning hours in %(year)s.") % year,
                (4, 5),
                body,
            ),
        )
    if table.key == "learning_by_group":
        desc = _("Enrolments and courses completed in %(year)s.") % year
        return (_bars(table, "chart-learning-group", desc, (1, 2)),)
    if table.key == "classes":
        desc = _("Classes held and attendances in %(year)s.") % year
        return (_bars(table, "chart-classes", desc, (1, 3), body),)
    if table.key == "trend" and len(table.rows) > 1:
        labels = [row[0] for row in table.rows]

        def lines(chart_id, desc, indexes):
            return line_chart(
                chart_id=chart_id,
                title=table.title,
                desc=desc,
                labels=labels,
                series=[
                    Series(table.columns[i].header, _column(table, i)) for i in indexes
                ],
                label_header=table.columns[0].header,
            )

        return (
            lines(
                "chart-trend-recognition",
                _("Dossiers registered and recognised per year, %(area)s.") % year,
                (1, 2, 3),
            ),
            lines(
                "chart-trend-learning",
                _("Enrolments and courses completed per year, %(area)s.") % year,
                (4, 5),
            ),
            lines(
                "chart-trend-hours",
                _("Online and in-person learning hours per year, %(area)s.") % year,
                (6, 7),
            ),
        )
    if table.key == "library" and table.rows:
        desc = _("Resources and views in %(year)s per institution and licence.") % year
        rows = [(f"{r[0]} ({r[1]})", *r[1:]) for r in table.rows]
        return (_bars(table, "chart-library", desc, (2, 3), rows),)
    return ()


def sections(report: Report) -> list[Section]:
    return [Section(table, _charts(report, table)) for table in tables(report)]


def as_dict(report: Report) -> dict:
    """The report as JSON-ready data: what the command writes with ``--format json``."""
    return {
        "title": _("Lifelong learning report, year %(year)s") % {"year": report.year},
        "year": report.year,
        "level": report.level,
        "area": report.area_label,
        "area_codes": report.scope.query_params,
        "generated_at": report.generated_at.isoformat(),
        "notes": report.notes,
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

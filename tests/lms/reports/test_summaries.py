"""Stored yearly figures give exactly the live figures, and are what reports read."""

import io

import pytest
from django.core.management import call_command

from lms.models import DailyLearning
from lms.reports import presentation, scope
from lms.reports.figures import build_report
from lms.reports.models import SummarisedYear, YearFact
from lms.reports.summaries import drop_summaries, refresh_summaries

from . import data

YEAR = data.YEAR


@pytest.fixture
def world(home_page, commune, neighbour_commune, other_commune):
    return data.build(
        home_page=home_page, a=commune, b=neighbour_commune, c=other_commune
    )


def _tables(report):
    return [(t.key, t.columns, t.rows) for t in presentation.tables(report)]


def test_stored_figures_equal_live_ones_at_every_level(world):
    areas = [
        scope.for_commune(world.a),
        scope.for_province(world.a.province),
        scope.platform(),
    ]
    live = [_tables(build_report(scope=area, year=YEAR)) for area in areas]
    written = refresh_summaries(years=[YEAR - 1, YEAR])
    assert written[YEAR] == YearFact.objects.filter(year=YEAR).count() > 0
    for area, expected in zip(areas, live, strict=True):
        report = build_report(scope=area, year=YEAR)
        assert report.summarised_at is not None
        assert _tables(report) == expected


def test_reports_read_the_stored_rows_until_the_next_refresh(world):
    refresh_summaries(years=[YEAR])
    area = scope.for_commune(world.a)
    before = build_report(scope=area, year=YEAR).totals.learning.online_seconds
    DailyLearning.objects.create(
        learner=world.hoa, day=f"{YEAR}-12-01", commune=world.a, online_seconds=600
    )
    assert build_report(scope=area, year=YEAR).totals.learning.online_seconds == before
    refresh_summaries(years=[YEAR])
    after = build_report(scope=area, year=YEAR).totals.learning.online_seconds
    assert after == before + 600
    drop_summaries(years=[YEAR])
    assert build_report(scope=area, year=YEAR).summarised_at is None


def test_command_refreshes_and_drops(world):
    out = io.StringIO()
    call_command("refresh_report_summaries", "--year", str(YEAR), stdout=out)
    assert f"{YEAR}:" in out.getvalue()
    assert SummarisedYear.objects.filter(year=YEAR).exists()
    call_command("refresh_report_summaries", "--year", str(YEAR), "--drop", stdout=out)
    assert not YearFact.objects.filter(year=YEAR).exists()

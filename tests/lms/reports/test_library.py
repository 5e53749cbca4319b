from datetime import timedelta

import pytest
from django.utils import timezone

from lms.reports.figures import LibraryRow, library_rows
from lms.reports.models import PageViewDaily
from lms.reports.views_counter import flush_view_counts


@pytest.mark.parametrize("cache_seconds", [0, 600])
def test_serving_an_open_resource_counts_a_view(
    client, library, settings, cache_seconds
):
    """Each visitor's GET of a resource adds one to today's count, cached copy or
    not; other pages count nothing; the counts reach the database when flushed."""
    settings.PAGE_CACHE_SECONDS = cache_seconds
    for visitor in range(3):
        response = client.get(library["a"].url, REMOTE_ADDR=f"10.0.0.{visitor}")
        assert response.status_code == 200
    client.get(library["c"].url)
    client.get("/")
    assert not PageViewDaily.objects.exists()
    assert flush_view_counts() == 4
    assert flush_view_counts() == 0
    today = timezone.localdate()
    counts = dict(PageViewDaily.objects.filter(day=today).values_list("page", "count"))
    assert counts == {library["a"].pk: 3, library["c"].pk: 1}


def test_library_figures_per_institution_and_licence(library):
    """Live resources only; views summed over the chosen year only."""
    year = timezone.localdate().year
    PageViewDaily.objects.create(page=library["a"], day=f"{year}-03-01", count=5)
    PageViewDaily.objects.create(page=library["b"], day=f"{year}-11-30", count=2)
    PageViewDaily.objects.create(page=library["c"], day=f"{year}-01-01", count=7)
    PageViewDaily.objects.create(page=library["c"], day=f"{year - 1}-12-31", count=100)
    assert library_rows(year=year) == [
        LibraryRow("Đại học Huế", "CC BY", resources=2, views=7),
        LibraryRow("Đại học Thái Nguyên", "CC BY-SA", resources=1, views=7),
    ]
    # Before the resources were published, only last year's views exist.
    assert library_rows(year=year - 1) == [
        LibraryRow("Đại học Thái Nguyên", "CC BY-SA", resources=0, views=100)
    ]


def test_resources_published_after_the_year_do_not_count(library):
    year = timezone.localdate().year
    page = library["a"]
    page.first_published_at = timezone.now() + timedelta(days=400)
    page.save(update_fields=["first_published_at"])
    rows = library_rows(year=year)
    assert [(r.institution, r.resources) for r in rows] == [
        ("Đại học Huế", 1),
        ("Đại học Thái Nguyên", 1),
    ]

"""Resource views are added up in the process and reach the shared cache at most
once a second, so a burst of cached views costs one cache write, not one each."""

from django.core.cache import cache

from lms.reports import views_counter
from lms.reports.models import PageViewDaily


def test_a_burst_of_views_costs_one_cache_write_and_all_are_flushed(
    library, monkeypatch
):
    resource = library["a"]
    writes = []
    for name in ("incr", "add", "set"):
        real = getattr(cache, name)

        def counting(*args, _real=real, _name=name, **kwargs):
            writes.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(cache, name, counting)
    monkeypatch.setattr(views_counter, "_pushed_at", 0.0)  # the first view pushes
    for _ in range(20):
        views_counter.record_view(page_id=resource.pk)
    # The first view creates the counter (incr fails, add); no write within the
    # second after it (without the buffer: 21).
    assert writes == ["incr", "add"]
    assert views_counter.flush_view_counts() == 20
    assert PageViewDaily.objects.get(page=resource).count == 20

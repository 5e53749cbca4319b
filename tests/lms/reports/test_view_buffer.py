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


def test_a_visitor_reloading_or_a_crawler_reading_counts_once(library, client):
    """Reloads, another process seeing the same visitor, and link previews add
    nothing: a resource's views in the reports are people, not requests."""
    resource = library["a"]
    phone = "Mozilla/5.0 (Linux; Android 10; Redmi 9A) Chrome/120 Mobile"
    for _ in range(4):
        client.get(resource.url, REMOTE_ADDR="10.1.1.1", HTTP_USER_AGENT=phone)
    client.get(resource.url, REMOTE_ADDR="10.1.1.2", HTTP_USER_AGENT=phone)
    client.get(
        resource.url,
        REMOTE_ADDR="10.1.1.3",
        HTTP_USER_AGENT="facebookexternalhit/1.1",
    )
    client.get(resource.url, REMOTE_ADDR="10.1.1.4", HTTP_USER_AGENT="Googlebot/2.1")
    # Another process has not seen the first visitor, but the shared cache has.
    views_counter._seen.clear()
    client.get(resource.url, REMOTE_ADDR="10.1.1.1", HTTP_USER_AGENT=phone)
    assert views_counter.flush_view_counts() == 2
    assert PageViewDaily.objects.get(page=resource).count == 2

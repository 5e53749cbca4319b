"""Counting views of open resources without a database write per request.

``cms`` must not import ``lms``, so the count comes from the CMS's ``page_viewed``
signal, sent for every GET of a page whether the page cache answered or not. Each
view adds one to a counter in the shared cache; ``flush_view_counts()``, run every
``VIEW_COUNT_FLUSH_SECONDS`` by the worker, moves the counters into
``PageViewDaily`` rows. On Redis an increment is atomic; on the file cache two
views in the same instant may count once, which a view count can afford.

A view counts once per visitor, resource and day: reloading a page, or a crawler
reading it, does not make a resource look popular in the reports.
"""

import atexit
import contextlib
import re
import threading
import time
from collections import Counter
from datetime import date, timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from cms.models import OpenResourcePage

from .models import PageViewDaily

# Counters of the last few days are flushed; a worker stopped longer loses them.
FLUSH_DAYS = 3
COUNTER_SECONDS = (FLUSH_DAYS + 1) * 24 * 60 * 60
CHUNK = 500


def counter_key(*, page_id: int, day: date) -> str:
    return f"views:{day.isoformat()}:{page_id}"


# Views are added up in the process and moved to the shared cache at most once
# this often: on the file cache each increment rewrites a file, which cost the
# cached resource page a third of its throughput. A process killed outright loses
# at most this much of its views; one that exits normally moves them first.
PUSH_SECONDS = 1.0
_pending: Counter = Counter()
_lock = threading.Lock()
_pushed_at = time.monotonic()


# Visitors this process has already counted today: a reload costs no cache
# traffic at all. Bounded; when full it starts again and the shared cache's
# marks (one per visitor, resource and day) still stop a second count.
SEEN_LIMIT = 50_000
_seen: set[str] = set()


def _first_view_today(*, visitor: str, page_id: int, day: date) -> bool:
    mark = f"viewer:{day.isoformat()}:{page_id}:{visitor}"
    with _lock:
        if mark in _seen:
            return False
        if len(_seen) >= SEEN_LIMIT:
            _seen.clear()
        _seen.add(mark)
    # Another process may have counted this visitor already.
    return cache.add(mark, 1, timeout=24 * 60 * 60)


def record_view(*, page_id: int, visitor: str = "") -> None:
    """Add one view of the page to today's counter (in the cache within a second).

    With a ``visitor`` token, only that visitor's first view of the day counts.
    """
    day = timezone.localdate()
    if visitor and not _first_view_today(visitor=visitor, page_id=page_id, day=day):
        return
    key = counter_key(page_id=page_id, day=day)
    with _lock:
        _pending[key] += 1
        due = time.monotonic() - _pushed_at >= PUSH_SECONDS
    if due:
        push_pending_views()


def push_pending_views() -> None:
    """Add the views this process counted to the shared cache's counters."""
    global _pushed_at
    with _lock:
        pending = dict(_pending)
        _pending.clear()
        _pushed_at = time.monotonic()
    for key, count in pending.items():
        try:
            cache.incr(key, count)
        except ValueError:
            if not cache.add(key, count, timeout=COUNTER_SECONDS):
                cache.incr(key, count)


atexit.register(push_pending_views)


_CRAWLER = re.compile(
    r"bot|crawl|spider|slurp|preview|externalhit|monitor|curl|wget", re.IGNORECASE
)


def visitor_token(request) -> str:
    """Who viewed, as far as a count needs: a keyed hash of address and browser.

    Lets a reload count once without a cookie; the address itself is kept nowhere.
    """
    seen_as = "|".join(
        (request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_USER_AGENT", ""))
    )
    return salted_hmac("resource-view", seen_as).hexdigest()[:20]


def count_open_resource_view(
    sender, *, page_id, model_label, request=None, **kwargs
) -> None:
    """Receiver of ``cms.page_cache.page_viewed``: only open resources are counted,
    once per visitor and day, and not when a crawler or link preview reads them."""
    if model_label != OpenResourcePage._meta.label_lower:
        return
    if request is None:
        record_view(page_id=page_id)
    elif not _CRAWLER.search(request.META.get("HTTP_USER_AGENT", "")):
        record_view(page_id=page_id, visitor=visitor_token(request))


def add_views(*, page_id: int, day: date, count: int) -> None:
    """Add `count` views to the day's row, safely under concurrent flushes."""
    rows = PageViewDaily.objects.filter(page_id=page_id, day=day)
    if rows.update(count=F("count") + count):
        return
    try:
        with transaction.atomic():
            PageViewDaily.objects.create(page_id=page_id, day=day, count=count)
    except IntegrityError:
        # Another flush created the row between our update and insert.
        rows.update(count=F("count") + count)


def flush_view_counts(*, today: date | None = None) -> int:
    """Move the cached view counters into the database; return the views moved."""
    push_pending_views()  # this process's own, when it serves pages too (tests)
    today = today or timezone.localdate()
    days = [today - timedelta(days=back) for back in range(FLUSH_DAYS)]
    page_ids = list(OpenResourcePage.objects.values_list("pk", flat=True))
    moved = 0
    for start in range(0, len(page_ids), CHUNK):
        keys = {
            counter_key(page_id=page_id, day=day): (page_id, day)
            for page_id in page_ids[start : start + CHUNK]
            for day in days
        }
        for key, count in cache.get_many(list(keys)).items():
            if not count:
                continue
            page_id, day = keys[key]
            add_views(page_id=page_id, day=day, count=count)
            # Subtract what was written: views counted meanwhile stay for next time.
            # The counter may have expired meanwhile: nothing left to subtract from.
            with contextlib.suppress(ValueError):
                cache.decr(key, count)
            moved += count
    return moved

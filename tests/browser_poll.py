"""Wait for an asynchronous condition in the page.

``page.wait_for_function`` does not await a promise the function returns (a
promise is truthy), so conditions read from IndexedDB or Cache Storage are polled
with ``page.evaluate``, which does.
"""

import time


def poll(page, expression: str, arg=None, *, timeout: float = 20.0):
    """Evaluate ``expression`` (awaiting its promise) until it is truthy."""
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression, arg)
        if value:
            return value
        assert time.monotonic() < deadline, f"still false: {expression}"
        page.wait_for_timeout(200)


def _is_shared_cache_lock(error: Exception) -> bool:
    return "table is locked" in str(error)


def read_database(read, *, timeout: float = 10.0):
    """``read()``, retried while the live server holds a table lock.

    Under Playwright the test's ORM calls get a connection of their own. On the
    in-memory shared-cache SQLite test database a read that meets the server's
    write fails at once with "database table is locked" (a busy timeout does not
    apply to shared-cache locks), where PostgreSQL or a file database would wait.
    """
    from django.db import OperationalError

    deadline = time.monotonic() + timeout
    while True:
        try:
            return read()
        except OperationalError as error:
            if not _is_shared_cache_lock(error) or time.monotonic() >= deadline:
                raise
        time.sleep(0.05)

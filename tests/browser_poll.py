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

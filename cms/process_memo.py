"""Values kept in this process's memory for as long as the site does not change.

Every request that serves a page needs the same few facts: which site answers this
host, which page lives at an address, whether any page is restricted, the menu's
sections. Asking the database or the shared cache each time costs more than the
rest of an uncached render. A `ProcessMemo` keeps them in memory, under the page
cache's site-wide version token (cms.page_cache): every publish, unpublish, move or
delete of a page, and every change of a site or a view restriction, changes the
token in the shared cache, so every process starts afresh at its next request.
The token itself is read once per request (`cms.page_cache.request_version`).
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class ProcessMemo:
    """A bounded map that forgets everything when the version token changes."""

    def __init__(self, maxsize: int = 1000):
        self.maxsize = maxsize
        self._version = None
        self._values: OrderedDict = OrderedDict()
        # gunicorn's threads share the memo; the lock keeps a version change and
        # an eviction from racing with a write.
        self._lock = threading.Lock()

    def get(self, version: str, key: Hashable, compute: Callable[[], object]):
        """The value kept for `key` under `version`, computed once when missing.

        A computed None is not kept: it is asked again next time.
        """
        with self._lock:
            if self._version == version and key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = compute()
        if value is not None:
            self.put(version, key, value)
        return value

    def put(self, version: str, key: Hashable, value) -> None:
        with self._lock:
            if self._version != version:
                self._values.clear()
                self._version = version
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.maxsize:
                self._values.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._version = None

"""Search ready at once: indexing in the request or command, not by the worker.

Wagtail 8 indexes a saved object in a background task, so until the task worker
has run, new content is not found. Where content arrives in bulk (the demo, bulk
uploads) it is indexed here synchronously instead.
"""

from collections.abc import Iterable

from django.core.management import call_command
from wagtail.search import index


def index_now(objects: Iterable) -> None:
    """Index these objects (pages, documents…) in every search backend now."""
    for instance in objects:
        index.insert_or_update_object(instance)


def rebuild_index() -> None:
    """Index everything indexable now (Wagtail's `update_index`)."""
    call_command("update_index", verbosity=0)

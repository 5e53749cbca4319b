"""The app shell the service worker keeps on the phone from its first visit.

The worker's version is a digest of the shell files' contents, so any change of a
CSS or JS file (hashed names or not) makes browsers install the new worker.
"""

import hashlib
from functools import cache

from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse

SHELL_STATIC = [
    "cms/css/site.css",
    "lms/css/lms.css",
    "pwa/js/pwa.js",
    "pwa/js/saved-lessons.js",
    "lms/js/progress-store.js",
    "lms/js/progress-queue.js",
    "cms/js/save-lesson.js",
    "pwa/icons/icon-192.png",
    "pwa/icons/favicon.ico",
]


def shell_urls() -> list[str]:
    """The URLs cached when the worker installs: pages that must work offline too."""
    return [
        reverse("pwa:offline"),
        reverse("pwa:saved"),
        reverse("pwa:manifest"),
        *(static(path) for path in SHELL_STATIC),
    ]


def uncached_prefixes() -> list[str]:
    """Paths the worker leaves alone: the admin and API, private documents, and
    the staff, officer and personal-data pages, never kept on a phone others use."""
    return [
        "/admin/",
        "/django-admin/",
        "/api/",
        "/documents/",
        reverse("lms:staff"),
        reverse("lms:my-data"),
        reverse("reports:dashboard"),
        reverse("recognition:queue"),
        reverse("recognition:dossier", args=[1]).removesuffix("1/"),
    ]


@cache
def shell_version() -> str:
    digest = hashlib.sha256()
    for path in [*SHELL_STATIC, "pwa/js/service-worker.js"]:
        found = finders.find(path)
        digest.update(path.encode())
        if found:
            with open(found, "rb") as file:
                digest.update(file.read())
    return digest.hexdigest()[:12]

"""Settings for pytest: fast hashing, immediate tasks, throw-away media."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="tthtcd-test-media-"))
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="tthtcd-test-private-"))
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "video"],
    }
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# One cache per test process: tests clear it, and xdist workers must not share it.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Page tests measure rendering (queries, markup): the page cache is off, and the
# tests of the cache itself turn it on.
PAGE_CACHE_SECONDS = 0
CREDENTIAL_KEY_SECRET = "test-only-credential-key-secret"

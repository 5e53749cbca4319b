"""The embedded default `make run` serves: DEBUG off, a secret key made once.

A centre may put this on its network, so it never shows tracebacks and never uses a
known key. `make run DEBUG=1` uses `config.settings.dev` instead.
"""

import os
from pathlib import Path

from config.local_secrets import SECRET_KEY_FILE, secret_key

from .base import *  # noqa: F403
from .base import env_list

DEBUG = False
SECRET_KEY = SECRET_KEY or secret_key(  # noqa: F405
    Path(os.environ.get("SECRET_KEY_FILE", SECRET_KEY_FILE))
)
# Loopback always; a centre serving its LAN adds its address with ALLOWED_HOSTS.
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", *env_list("ALLOWED_HOSTS")]
# No collectstatic step: whitenoise serves the apps' static files where they are.
WHITENOISE_USE_FINDERS = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

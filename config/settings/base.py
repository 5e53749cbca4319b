"""Settings shared by every environment.

The embedded default (SQLite, files under ``media/``, database task queue) needs no
configuration. The scale set-up is chosen by environment variables alone:
``DATABASE_URL`` for PostgreSQL and ``AWS_STORAGE_BUCKET_NAME`` (with its companions)
for S3-compatible object storage.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from cms.content_languages import choices_for_staff

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "accounts",
    "lms",
    "lms.recognition",
    "lms.reports",
    "lms.credentials",
    "lms.xapi",
    "cms",
    "cms.admin_vi",
    "pwa",
    "wagtailmedia",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rules.apps.AutodiscoverRulesConfig",
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "config.admin_site.AdminOnlyAdminConfig",  # django.contrib.admin, admins only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.headers.AreaCSPMiddleware",
    "config.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise (static files come pre-compressed); HTML and JSON only.
    "config.compression.TextGZipMiddleware",
    # Inside gzip: compares ETags before compression weakens them.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.admin_vi.middleware.VietnameseFirstLocaleMiddleware",
    # After the language is known (part of the key); sees cookies set inside it.
    "cms.page_cache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "lms.middleware.TemporaryPasswordMiddleware",
    # Inside any cache middleware: pages that read Save-Data say Vary: Save-Data.
    "cms.save_data.SaveDataVaryMiddleware",
    # Last, as django-axes asks: it turns a lockout into the sign-in page's answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite unless DATABASE_URL names another server.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the task worker write at the same time: WAL and a busy
    # timeout keep them from failing with "database is locked".
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "lms.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses every sign-in of a locked-out account or address.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "lms.auth.PhoneOrEmailBackend",
]
LOGIN_URL = "lms:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # Also refuses the phone number however it is written, and the name without
    # accents (tests/lms/test_password_rules.py).
    {
        "NAME": (
            "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
        ),
        "OPTIONS": {"user_attributes": ("phone", "full_name", "email", "username")},
    },
]

# Sign-in protection (lms/lockout.py): django-axes counts failed sign-ins per account
# and per address. An address gets a larger allowance: a centre's Wi-Fi and mobile
# carriers' shared addresses put many residents behind one.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = int(os.environ.get("SIGNIN_FAILURE_LIMIT", 5))
SIGNIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("SIGNIN_ADDRESS_FAILURE_LIMIT", 20))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SIGNIN_COOLOFF_MINUTES", 15)))
# Attempts during a lockout do not restart it, so "try again in N minutes" holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_HANDLER = "lms.lockout.SignInAttempts"
AXES_USERNAME_CALLABLE = "lms.lockout.attempted_login"
AXES_CLIENT_IP_CALLABLE = "lms.lockout.client_address"
AXES_LOCKOUT_CALLABLE = "lms.lockout.locked_out_response"
# Reverse proxies in front of the web server that append to X-Forwarded-For.
SIGNIN_PROXY_COUNT = int(os.environ.get("SIGNIN_PROXY_COUNT", 0))
# Only failures are kept, and only until their cool-off ends: no log of every sign-in.
AXES_DISABLE_ACCESS_LOG = True
# A temporary password from the centre works this long (hours).
TEMPORARY_PASSWORD_HOURS = float(os.environ.get("TEMPORARY_PASSWORD_HOURS", 24))

# Cache: pages for anonymous visitors (cms/page_cache.py), rate limits and resource
# view counts. Shared by every process: a Redis server when REDIS_URL is set (several
# machines), else files under CACHE_DIR (one machine, several gunicorn processes and
# the worker; nothing to install, and no database writes as the database cache
# would make).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "tthtcd"),
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    )
}
# How long the server keeps an anonymous page (seconds; 0 turns the page cache off)
# and how long browsers and proxies may reuse it without asking (Cache-Control).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 600))
PAGE_MAX_AGE = int(os.environ.get("PAGE_MAX_AGE", 60))
# Open-resource views are counted in the cache and written to the database this often.
VIEW_COUNT_FLUSH_SECONDS = int(os.environ.get("VIEW_COUNT_FLUSH_SECONDS", 60))

# Vietnamese first, English second.
LANGUAGE_CODE = "vi"
# The interface speaks these; lesson pages also come in the content languages of
# cms.content_languages, which Django must know (Wagtail locales are Django
# languages) but which have no interface catalogue: gettext falls back to Vietnamese.
INTERFACE_LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LANGUAGES = INTERFACE_LANGUAGES + [
    (code, name) for code, name in choices_for_staff() if code != LANGUAGE_CODE
]
WAGTAILADMIN_PERMITTED_LANGUAGES = INTERFACE_LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# Static files: whitenoise serves them compressed with hashed names.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = (
    [BASE_DIR / "cms" / "static_src"]
    if (BASE_DIR / "cms" / "static_src").exists()
    else []
)

# Media: every file goes through Django's storage API, local unless S3 is configured.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
            "default_acl": None,
        },
    }
# Origins whose players may read the public renditions from the bucket (CORS, applied
# by `manage.py configure_storage_cors`); the objects themselves are public anyway.
MEDIA_CORS_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("MEDIA_CORS_ORIGINS", "*").split(",")
    if origin.strip()
]
# Personal files (recognition evidence): never under MEDIA_ROOT, never at a public URL;
# served by views that check who asks. At scale, a private bucket or prefix whose
# objects are read through signed URLs that expire after PRIVATE_URL_SECONDS.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private"))
PRIVATE_URL_SECONDS = int(os.environ.get("PRIVATE_URL_SECONDS", 60))
STORAGES["private"] = {"BACKEND": "lms.private_files.PrivateFileSystemStorage"}
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **STORAGES["default"]["OPTIONS"],
            "bucket_name": os.environ.get("AWS_PRIVATE_BUCKET_NAME")
            or AWS_STORAGE_BUCKET_NAME,
            "location": "private",
            "default_acl": "private",
            # A CDN domain cannot sign: private objects are read from the bucket itself.
            "custom_domain": None,
            "querystring_auth": True,
            "querystring_expire": PRIVATE_URL_SECONDS,
        },
    }
# Local media is served by the application itself in the embedded default.
SERVE_MEDIA = env_bool("SERVE_MEDIA", not AWS_STORAGE_BUCKET_NAME)

# Background tasks: a database-backed queue; `manage.py worker` runs it.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "video"],
    }
}
WORKER_HEARTBEAT_SECONDS = 10
# Province-sized sites store yearly report figures and refresh them this often (hours);
# 0 keeps every report live, which small sites can afford.
REPORT_SUMMARY_REFRESH_HOURS = float(
    os.environ.get("REPORT_SUMMARY_REFRESH_HOURS", "0")
)
WORKER_STALE_AFTER_SECONDS = int(os.environ.get("WORKER_STALE_AFTER_SECONDS", 60))
# Shares (%) the reports compare with: QĐ 387/QĐ-TTg's targets for 2025. A province
# whose own plan sets other figures (Hà Nội: 80/75/75/90 and 60/80) changes them here.
REPORT_TARGETS = {
    "source": "QĐ 387/QĐ-TTg, 2025",
    "family": 70,
    "clan": 65,
    "community": 65,
    "unit": 80,
    "worker": 40,
    "official": 60,
}

# Wagtail
WAGTAIL_SITE_NAME = "Học tập cộng đồng"
# No avatars from gravatar.com: staff e-mail hashes stay here, and the CSP stays tight.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The operator follows Wagtail releases; centres' browsers do not call wagtail.org.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# One time zone: the account page then shows no list of 400 English zone names.
WAGTAIL_USER_TIME_ZONES = ["Asia/Ho_Chi_Minh"]
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The one public base URL: the API's absolute links (detail, download) use it rather
# than whatever host a request named.
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAIL_I18N_ENABLED = True
# Staff see "Tiếng Hmông (Lus Hmoob)"; residents see the autonym.
WAGTAIL_CONTENT_LANGUAGES = choices_for_staff()
# Library editors approve without holding a publish right on the library.
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflow_finish.publish_approved"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "xls",
    "xlsx",
    "ods",
    "ppt",
    "pptx",
    "odp",
    "txt",
    "epub",
    "zip",
]
# Documents go through Wagtail's serve view, which asks whether the pages using them
# are live (cms/documents.py); their files are never linked directly.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILMEDIA = {
    "MEDIA_MODEL": "cms.LessonMedia",
    # Probes every upload with ffmpeg and refuses what cannot be played.
    "MEDIA_FORM_BASE": "cms.video.forms.LessonMediaForm",
}
# Media pipeline (cms/video): upload limits and the transcoding job's lease.
MEDIA_MAX_SECONDS = int(os.environ.get("MEDIA_MAX_SECONDS", 2 * 60 * 60))
MEDIA_MAX_BYTES = int(os.environ.get("MEDIA_MAX_BYTES", 2 * 1024**3))
MEDIA_TRANSCODE_PRESET = os.environ.get("MEDIA_TRANSCODE_PRESET", "superfast")
# 720p costs most of the CPU: a faster preset keeps the ladder above 2x real time
# on two cores (bench/transcode.py).
MEDIA_TRANSCODE_PRESETS = {
    "720p": os.environ.get("MEDIA_TRANSCODE_PRESET_720P", "ultrafast")
}
MEDIA_TRANSCODE_LEASE_SECONDS = int(
    os.environ.get("MEDIA_TRANSCODE_LEASE_SECONDS", 120)
)
MEDIA_TRANSCODE_MAX_ATTEMPTS = 3
# "Process again": the replaced renditions stay this long for those watching them.
MEDIA_RENDITIONS_GRACE_SECONDS = int(
    os.environ.get("MEDIA_RENDITIONS_GRACE_SECONDS", 3600)
)

# The task worker's periodic jobs (cms/periodic.py): a dotted path to a function
# taking no argument, and seconds between runs or a daily local time "HH:MM". Keep
# jobs short (long work is enqueued as a task); a job that fails is logged and runs
# again. Add a job with PERIODIC_JOBS.append((...)) after this line.
PERIODIC_JOBS = [
    ("cms.worker.heartbeat", WORKER_HEARTBEAT_SECONDS),
    (
        "cms.video.recovery.recover_interrupted",
        max(5, MEDIA_TRANSCODE_LEASE_SECONDS / 4),
    ),
    ("cms.video.retirement.delete_retired", 300),
    ("lms.reports.schedule.queue_refresh_if_due", 600),
    ("lms.reports.schedule.queue_nightly_refresh", "02:00"),
    # Resumable lesson uploads nobody finished (the staff video lesson flow).
    ("cms.resumable.service.expire_abandoned", 3600),
    # Open-resource views are counted in the cache and written here in one go.
    ("lms.reports.views_counter.flush_view_counts", VIEW_COUNT_FLUSH_SECONDS),
]

# xAPI statements to a Learning Record Store (lms/xapi, README "Learning Record
# Store"). Off unless XAPI_LRS_URL names the LRS's xAPI endpoint; statements are then
# kept in an outbox with each learning record and sent by the worker in batches.
XAPI_LRS_URL = os.environ.get("XAPI_LRS_URL", "").rstrip("/")
XAPI_LRS_USERNAME = os.environ.get("XAPI_LRS_USERNAME", "")
XAPI_LRS_PASSWORD = os.environ.get("XAPI_LRS_PASSWORD", "")
XAPI_BATCH_SIZE = int(os.environ.get("XAPI_BATCH_SIZE", 100))
XAPI_SEND_SECONDS = int(os.environ.get("XAPI_SEND_SECONDS", 15))
XAPI_TIMEOUT_SECONDS = float(os.environ.get("XAPI_TIMEOUT_SECONDS", 10))
# Back-off after the LRS failed: first delay, doubled each failure, up to the cap.
XAPI_RETRY_FIRST_SECONDS = float(os.environ.get("XAPI_RETRY_FIRST_SECONDS", 30))
XAPI_RETRY_MAX_SECONDS = float(os.environ.get("XAPI_RETRY_MAX_SECONDS", 3600))
# Keys the learners' pseudonyms in statements; SECRET_KEY when unset. Set it once and
# keep it: another value gives every learner a new pseudonym in the LRS.
XAPI_ACTOR_SECRET = os.environ.get("XAPI_ACTOR_SECRET", "")
PERIODIC_JOBS.append(("lms.xapi.sender.send_pending", XAPI_SEND_SECONDS))

# Bulk upload of open resources (cms/bulk_upload): what one ZIP and manifest may
# hold. Checked from the ZIP's directory and again while its files are streamed.
BULK_UPLOAD_MAX_ROWS = int(os.environ.get("BULK_UPLOAD_MAX_ROWS", 500))
BULK_UPLOAD_MAX_FILES_PER_ROW = int(os.environ.get("BULK_UPLOAD_MAX_FILES_PER_ROW", 10))
BULK_UPLOAD_MAX_FILES = int(os.environ.get("BULK_UPLOAD_MAX_FILES", 500))
BULK_UPLOAD_MAX_EXPANDED_BYTES = int(
    os.environ.get("BULK_UPLOAD_MAX_EXPANDED_BYTES", 500 * 1024**2)
)
# A manifest (and an XLSX's shared strings, which openpyxl holds whole) above this
# is not a list of 500 resources.
BULK_UPLOAD_MAX_MANIFEST_BYTES = int(
    os.environ.get("BULK_UPLOAD_MAX_MANIFEST_BYTES", 8 * 1024**2)
)

DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    # OpenAPI 3 description of the learner API (lms/openapi.py).
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # The learner API's throttles (lms/throttling.py) read these.
    "DEFAULT_THROTTLE_RATES": {
        "learner": os.environ.get("LEARNER_API_RATE", "120/minute"),
        "learner_anonymous": os.environ.get("LEARNER_API_ANONYMOUS_RATE", "30/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Học tập cộng đồng: learner API",
    "DESCRIPTION": "Enrol, send progress events, read one's learning (docs/api.md).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Only the learner API (lms/openapi.py), not the Wagtail API v2.
    "PREPROCESSING_HOOKS": ["lms.openapi.learner_api_only"],
    "SCHEMA_PATH_PREFIX": "/api/lms/",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Whom residents write to about their personal data (Law 91/2025/QH15), shown on
# the privacy notice beside their own centre's contacts.
PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", "")

# Mail: SMTP when EMAIL_HOST is set; otherwise (the embedded default has no mail
# server) workflow notifications are written to the log instead of failing.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)


# Content-Security-Policy (django-csp 4): no inline script on the site's pages.
# Media on an object store is read from its origin: images, video segments (hls.js
# fetches them, then plays them from blob: URLs, with a blob: worker).
def _media_origins() -> list[str]:
    if not AWS_STORAGE_BUCKET_NAME:
        return []
    if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
        return [f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"]
    endpoint = urlsplit(os.environ.get("AWS_S3_ENDPOINT_URL", ""))
    if endpoint.netloc:
        return [
            f"{endpoint.scheme}://{endpoint.netloc}",
            f"{endpoint.scheme}://{AWS_STORAGE_BUCKET_NAME}.{endpoint.netloc}",
        ]
    return [
        f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com",
        "https://*.amazonaws.com",
    ]


MEDIA_ORIGINS = _media_origins()
# Players the lesson "embed" block may show (Wagtail's oEmbed finders).
EMBED_ORIGINS = env_list(
    "EMBED_ORIGINS",
    "https://www.youtube.com,https://www.youtube-nocookie.com,"
    "https://player.vimeo.com,https://www.facebook.com",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "media-src": [SELF, "blob:", *MEDIA_ORIGINS],
        "connect-src": [SELF, *MEDIA_ORIGINS],
        "worker-src": [SELF, "blob:"],
        "font-src": [SELF],
        "frame-src": [SELF, *EMBED_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Wagtail's admin runs inline scripts and styles: it gets its own, looser policy.
CSP_ADMIN_PREFIXES = ["/admin/", "/django-admin/"]
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
    }
}
# Permissions-Policy: features the platform never uses are off; the video player
# may go full screen (also inside an embedded player) and start by itself.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
    "autoplay": ["self"],
    "fullscreen": ["self", *(f'"{origin}"' for origin in EMBED_ORIGINS)],
}
# Measured learning (lms.services.plausibility, lms.services.lesson_length): what
# online time may count, and how long a lesson's text takes to read at a slow pace.
LMS_DAILY_TIME_CAP_HOURS = float(os.environ.get("LMS_DAILY_TIME_CAP_HOURS", 6))
LMS_LESSON_TIME_MULTIPLE = float(os.environ.get("LMS_LESSON_TIME_MULTIPLE", 3))
LMS_TIME_SPAN_TOLERANCE_SECONDS = 10
# Fastest playback players offer: watched media is credited no faster than this.
LMS_MAX_PLAYBACK_RATE = float(os.environ.get("LMS_MAX_PLAYBACK_RATE", 2))
LMS_CLOCK_SKEW_SECONDS = 5 * 60
LMS_READING_WORDS_PER_MINUTE = 120
LMS_READING_FLOOR_MINUTES = 3
LMS_DOCUMENT_READING_MINUTES = 10

# Resumable uploads (tus, cms/resumable): the staff lesson flow sends big phone
# videos in chunks that survive a dropped connection.
RESUMABLE_UPLOAD_MAX_BYTES = int(
    os.environ.get("RESUMABLE_UPLOAD_MAX_BYTES", MEDIA_MAX_BYTES)
)
RESUMABLE_UPLOAD_MAX_CHUNK_BYTES = 16 * 1024 * 1024
# Unfinished uploads untouched this long are deleted (on the next new upload or by
# `manage.py clear_resumable_uploads`).
RESUMABLE_UPLOAD_EXPIRY_HOURS = int(os.environ.get("RESUMABLE_UPLOAD_EXPIRY_HOURS", 24))
RESUMABLE_UPLOADS_PER_PERSON = 3

# Open Badges credentials (lms.credentials): the secret the signing keys are
# encrypted under. Set it at scale (every machine the same); without it the embedded
# default generates one into CREDENTIAL_KEY_SECRET_FILE (0600). Losing it loses the
# keys: rotate (manage.py rotate_credential_key) rather than delete.
CREDENTIAL_KEY_SECRET = os.environ.get("CREDENTIAL_KEY_SECRET", "")
CREDENTIAL_KEY_SECRET_FILE = Path(
    os.environ.get("CREDENTIAL_KEY_SECRET_FILE", BASE_DIR / ".credential-key-secret")
)

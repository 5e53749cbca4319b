"""Settings shared by every environment.

The embedded default (SQLite, files under ``media/``, database task queue) needs no
configuration. The scale set-up is chosen by environment variables alone:
``DATABASE_URL`` for PostgreSQL and ``AWS_STORAGE_BUCKET_NAME`` (with its companions)
for S3-compatible object storage.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

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
    # Before cms: its `worker` command extends the CMS one.
    "lms.reports",
    "cms",
    "cms.admin_vi",
    "wagtailmedia",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.admin_vi.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
    "rules.permissions.ObjectPermissionBackend",
    "lms.auth.PhoneOrEmailBackend",
]
LOGIN_URL = "lms:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Vietnamese first, English second.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
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
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
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

DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Mail: SMTP when EMAIL_HOST is set; otherwise (the embedded default has no mail
# server) workflow notifications are written to the log instead of failing.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# Measured learning (lms.services.plausibility, lms.services.lesson_length): what
# online time may count, and how long a lesson's text takes to read at a slow pace.
LMS_DAILY_TIME_CAP_HOURS = float(os.environ.get("LMS_DAILY_TIME_CAP_HOURS", 6))
LMS_LESSON_TIME_MULTIPLE = float(os.environ.get("LMS_LESSON_TIME_MULTIPLE", 3))
LMS_TIME_SPAN_TOLERANCE_SECONDS = 10
LMS_CLOCK_SKEW_SECONDS = 5 * 60
LMS_READING_WORDS_PER_MINUTE = 120
LMS_READING_FLOOR_MINUTES = 3
LMS_DOCUMENT_READING_MINUTES = 10

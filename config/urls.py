from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import documents, page_translation, serving
from cms import views as cms_views
from cms.api import api_router
from cms.language_urls import content_language_patterns
from config.health import health
from config.media import serve_public_media

urlpatterns = [
    path("health/", health, name="health"),
    path("django-admin/", admin.site.urls),
    path("admin/", include("cms.admin_vi.urls")),
    # Before Wagtail's: the same "Translate" address, copying untranslated parents.
    path(
        "admin/translation/submit/page/<int:page_id>/",
        page_translation.translate_page,
        name="translate-page",
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Before Wagtail's own route: the same view, plus no caching of drafts' files.
    re_path(r"^documents/(\d+)/(.*)$", documents.serve_document),
    path("documents/", include(wagtaildocs_urls)),
    path("api/units/", cms_views.units_lookup, name="units-lookup"),
    path("api/v2/", api_router.urls),
    path("search/", cms_views.search, name="search"),
    path("ngon-ngu/<str:code>/", cms_views.choose_language, name="choose-language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("pwa.urls")),
    path("", include("lms.urls")),
    path("", include("lms.recognition.urls")),
    path("", include("lms.credentials.urls")),
    path("bao-cao/", include("lms.reports.urls")),
]

if settings.SERVE_MEDIA:
    # The embedded default has no separate file server; at scale S3 serves media.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.*)$", serve_public_media))

# Ahead of Wagtail's own page route (same addresses, same view): the site and the
# page found from memory (cms.serving). Wagtail's names still reverse. Pages in a
# content language other than Vietnamese answer under its prefix (/hmn/…), the
# same two routes inside it.
page_routes = [
    re_path(serving.SERVE_PATTERN, serving.serve),
    path("", include(wagtail_urls)),
]
urlpatterns += content_language_patterns(page_routes)

"""Mounted under ``admin/`` before Wagtail's URLs, so this view answers the URL that
Wagtail's ``admin_base.html`` loads as ``wagtailadmin_javascript_catalog``."""

from django.urls import path

from cms.admin_vi.views import javascript_catalog

urlpatterns = [
    path("jsi18n/", javascript_catalog, name="admin_vi_javascript_catalog"),
]

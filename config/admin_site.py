"""`/django-admin/` is the platform operator's tool: superusers only.

Officers and centre staff are `is_staff` so that they can use the Wagtail admin; the
Django admin shows every table, so they get a refusal there, never its login form.
"""

from functools import wraps

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import PermissionDenied


class AdminOnlySite(admin.AdminSite):
    def has_permission(self, request):
        user = request.user
        return user.is_active and user.is_superuser

    def _refuse_signed_in_non_admins(self, view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if request.user.is_authenticated and not self.has_permission(request):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded

    def admin_view(self, view, cacheable=False):
        return self._refuse_signed_in_non_admins(super().admin_view(view, cacheable))

    def login(self, request, extra_context=None):
        return self._refuse_signed_in_non_admins(super().login)(request, extra_context)


class AdminOnlyAdminConfig(AdminConfig):
    default_site = "config.admin_site.AdminOnlySite"

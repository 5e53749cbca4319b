"""The outbox in the operator's Django admin: read-only, to see what the LRS refused."""

from django.contrib import admin

from lms.xapi.models import Statement


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["id", "verb", "timestamp", "status", "attempts", "sent_at"]
    list_filter = ["status", "verb"]
    search_fields = ["id"]
    date_hierarchy = "timestamp"
    list_select_related = False
    readonly_fields = [f.name for f in Statement._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

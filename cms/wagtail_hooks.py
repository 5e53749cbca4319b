"""Admin wiring: reference data, contributors, bulk upload and library editors."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms import documents, page_cache
from cms.bulk_upload import urls as bulk_upload_urls
from cms.library_editors import may_designate
from cms.library_editors import urls as library_editor_urls
from cms.models import ContributorProfile, Institution, Licence, Subject, TargetGroup
from cms.review import sync_contributor_groups


class SubjectViewSet(SnippetViewSet):
    model = Subject
    menu_label = _("Subjects")
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    menu_label = _("Target groups")
    icon = "group"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class LicenceViewSet(SnippetViewSet):
    model = Licence
    menu_label = _("Licences")
    icon = "doc-full"
    list_display = ["code", "name", "url"]
    search_fields = ["code", "name"]


class InstitutionViewSet(SnippetViewSet):
    model = Institution
    menu_label = _("Institutions")
    icon = "site"
    list_display = ["name", "short_name", "website"]
    search_fields = ["name", "short_name"]


class ContributorViewSet(SnippetViewSet):
    model = ContributorProfile
    menu_label = _("University contributors")
    icon = "user"
    list_display = ["user", "institution"]
    list_filter = ["institution"]


class ReferenceDataGroup(SnippetViewSetGroup):
    items = (
        SubjectViewSet,
        TargetGroupViewSet,
        LicenceViewSet,
        InstitutionViewSet,
        ContributorViewSet,
    )
    menu_label = _("Reference lists")
    menu_icon = "folder-open-inverse"
    menu_order = 300


register_snippet(ReferenceDataGroup)


class BulkUploadMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("cms.bulk_upload_resources")


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def give_contributor_their_section(request, instance):
    if isinstance(instance, ContributorProfile):
        sync_contributor_groups(instance)


@hooks.register("register_admin_urls")
def register_bulk_upload_url():
    return [
        path("bulk-upload/", include(bulk_upload_urls)),
        path("library-editors/", include(library_editor_urls)),
    ]


class LibraryEditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_designate(request.user)


@hooks.register("register_admin_menu_item")
def register_library_editors_menu_item():
    return LibraryEditorsMenuItem(
        _("Library editors"),
        reverse("cms_library_editors:list"),
        icon_name="group",
        order=260,
    )


@hooks.register("register_admin_menu_item")
def register_bulk_upload_menu_item():
    return BulkUploadMenuItem(
        _("Bulk upload of resources"),
        reverse("cms_bulk_upload:upload"),
        icon_name="upload",
        order=250,
    )


# Files of resources under review are for their authors and reviewers only.
hooks.register("before_serve_document", documents.guard_document)


@hooks.register("before_serve_page")
def note_served_page(page, request, serve_args, serve_kwargs):
    """Let the page cache count the view and keep an anonymous copy."""
    page_cache.mark_page(request, page)

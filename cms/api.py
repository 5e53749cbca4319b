"""Wagtail API v2 at /api/v2/: pages, images and documents, read-only.

Absolute links (``detail_url``, ``download_url``) start with ``WAGTAILAPI_BASE_URL``,
the site's configured address, never the host a request named.
"""

from django.utils.cache import patch_cache_control, patch_vary_headers
from rest_framework.fields import Field
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.documents import live_documents
from cms.page_access import viewable
from cms.view_restrictions import any_restriction


class DocumentSizeField(Field):
    """The file's size in bytes, as stored with the document (cms.file_sizes)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, document):
        return document.get_file_size()


class SizedDocumentSerializer(DocumentSerializer):
    file_size = DocumentSizeField(read_only=True)


class PerRequesterMixin:
    """Once a page is private, an answer depends on who asks (cms.page_access):
    no shared cache may hand one requester's answer to the next."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if any_restriction():
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ("Cookie", "Authorization"))
        return response


class LiveDocumentsAPIViewSet(PerRequesterMixin, DocumentsAPIViewSet):
    """Only documents of live pages the requester may view: files of resources
    under review, or of private pages, stay private.

    Each document says where to download it and how many bytes that costs, so an
    app can warn before a large download on mobile data.
    """

    base_serializer_class = SizedDocumentSerializer
    meta_fields = [*DocumentsAPIViewSet.meta_fields, "file_size"]
    listing_default_fields = [*DocumentsAPIViewSet.listing_default_fields, "file_size"]

    def get_queryset(self):
        return live_documents(self.request).order_by("id")


class ViewablePagesAPIViewSet(PerRequesterMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, showing only the pages the requester may view on
    the web (cms.page_access): a translation of a private lesson is as private as
    the lesson, in a listing (left out) and in detail (404)."""

    def get_base_queryset(self):
        return viewable(super().get_base_queryset(), self.request)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ViewablePagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", LiveDocumentsAPIViewSet)

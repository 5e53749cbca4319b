"""Wagtail API v2 at /api/v2/: pages, images and documents, read-only.

Absolute links (``detail_url``, ``download_url``) start with ``WAGTAILAPI_BASE_URL``,
the site's configured address, never the host a request named.
"""

from rest_framework.fields import Field
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.documents import live_documents


class DocumentSizeField(Field):
    """The file's size in bytes, as stored with the document (cms.file_sizes)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, document):
        return document.get_file_size()


class SizedDocumentSerializer(DocumentSerializer):
    file_size = DocumentSizeField(read_only=True)


class LiveDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Only documents of live pages: files of resources under review stay private.

    Each document says where to download it and how many bytes that costs, so an
    app can warn before a large download on mobile data.
    """

    base_serializer_class = SizedDocumentSerializer
    meta_fields = [*DocumentsAPIViewSet.meta_fields, "file_size"]
    listing_default_fields = [*DocumentsAPIViewSet.listing_default_fields, "file_size"]

    def get_queryset(self):
        return live_documents().order_by("id")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", LiveDocumentsAPIViewSet)

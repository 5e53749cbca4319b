"""Wagtail API v2 at /api/v2/: pages, images and documents, read-only."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.documents import live_documents


class LiveDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Only documents of live pages: files of resources under review stay private."""

    def get_queryset(self):
        return live_documents().order_by("id")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", LiveDocumentsAPIViewSet)

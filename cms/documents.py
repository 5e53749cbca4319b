"""Who may read a Wagtail document: whoever may view (cms.page_access) one of the
live pages using it; otherwise only those who may edit or publish one of those
pages (its authors and the library's reviewers). A document no page uses stays
public, as before. A file served because of a private page, or of a draft, is
marked private: no shared cache keeps it for the next requester.

"Using" means attached as a resource file (read from the database at once) or
embedded in a page's body (Wagtail's reference index, updated by the task worker),
or either of these in a page's unpublished latest revision: Wagtail keeps edits of
a page in revisions until it is published, so a file added in a later edit of a
draft appears only there.
"""

import json
import re

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q, QuerySet
from django.db.models.functions import Cast
from django.http import Http404
from django.utils.cache import patch_cache_control
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve
from wagtail.models import Page, ReferenceIndex, Revision

from cms.models.pages import ResourceFile
from cms.page_access import viewable
from cms.view_restrictions import view_restrictions_of


def _page_type() -> ContentType:
    return ContentType.objects.get_for_model(Page)


def pages_using(document) -> QuerySet[Page]:
    """The pages that attach or embed the document, live or not."""
    embedded = ReferenceIndex.get_references_to(document).filter(
        base_content_type=_page_type()
    )
    return Page.objects.filter(
        Q(pk__in=ResourceFile.objects.filter(document=document).values("page"))
        | Q(
            pk__in=embedded.annotate(page_id=Cast("object_id", IntegerField())).values(
                "page_id"
            )
        )
    )


def live_documents(request) -> QuerySet:
    """Documents attached to or embedded in at least one live page that
    ``request`` may view."""
    Document = get_document_model()
    pages = viewable(Page.objects.live(), request)
    live_keys = pages.annotate(key=Cast("pk", CharField())).values("key")
    embedded = (
        ReferenceIndex.objects.filter(
            base_content_type=_page_type(),
            object_id__in=live_keys,
            to_content_type=ContentType.objects.get_for_model(Document),
        )
        .annotate(document_id=Cast("to_object_id", IntegerField()))
        .values("document_id")
    )
    attached = ResourceFile.objects.filter(page__in=pages).values("document")
    return Document.objects.filter(Q(pk__in=attached) | Q(pk__in=embedded))


_LINK = re.compile(r"<a\b[^>]*>")


def _mentions(value, pk: int) -> bool:
    """Whether serialised page content holds document ``pk``: a ``document`` key
    (resource files, document blocks) or a rich-text document link."""
    if isinstance(value, dict):
        return any(
            (key == "document" and item == pk) or _mentions(item, pk)
            for key, item in value.items()
        )
    if isinstance(value, list):
        return any(_mentions(item, pk) for item in value)
    if isinstance(value, str):
        if value[:1] in ("[", "{"):  # a StreamField kept as JSON text
            try:
                return _mentions(json.loads(value), pk)
            except ValueError:
                pass
        return any(
            'linktype="document"' in tag and f'id="{pk}"' in tag
            for tag in _LINK.findall(value)
        )
    return False


def drafts_using(document) -> QuerySet[Page]:
    """Pages whose unpublished latest revision attaches or embeds the document."""
    drafts = Page.objects.filter(has_unpublished_changes=True).values("latest_revision")
    revisions = Revision.objects.filter(pk__in=drafts).only("object_id", "content")
    ids = [
        int(revision.object_id)
        for revision in revisions.iterator()
        if _mentions(revision.content, document.pk)
    ]
    return Page.objects.filter(pk__in=ids)


def may_read_unpublished(user, pages) -> bool:
    """Authors and reviewers of one of the (non-live) pages using the document.
    Wagtail's ``can_edit`` also holds for the group of the page's current workflow
    task, so reviewers without publishing rights read it while it is under review."""
    if not user.is_authenticated:
        return False
    for page in pages:
        rights = page.permissions_for_user(user)
        if rights.can_edit() or rights.can_publish():
            return True
    return False


def guard_document(document, request):
    """``before_serve_document``: 404 for those who may view no live page using the
    file and may not see a draft's; otherwise Wagtail serves it, and
    ``serve_document`` keeps a file that is not public out of shared caches."""
    pages = list(pages_using(document))
    live = [page for page in pages if page.live]
    if live:
        if viewable(Page.objects.filter(pk__in=[p.pk for p in live]), request).exists():
            if not _public(live):
                request.private_document = True
            return None
        pages = [page for page in pages if not page.live]
    else:
        # Drafts are read only for files no live page shows: the common case stays
        # cheap.
        pages += list(drafts_using(document))
        if not pages:
            return None
    if not may_read_unpublished(request.user, pages):
        raise Http404
    # Wagtail ignores a streaming response from this hook, so it serves the file and
    # the marked request tells the wrapping view to forbid caching.
    request.private_document = True
    return None


def _public(pages) -> bool:
    """Whether one of ``pages`` is restricted in no way (its file may then be kept
    by shared caches, as before)."""
    return any(not view_restrictions_of(page).exists() for page in pages)


def serve_document(request, document_id, document_filename):
    """Wagtail's document view (permission in ``guard_document``), never cached
    for a file that is not public."""
    response = wagtail_serve(request, document_id, document_filename)
    if getattr(request, "private_document", False):
        patch_cache_control(response, private=True, no_store=True)
    return response

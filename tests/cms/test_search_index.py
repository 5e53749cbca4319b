"""Bulk uploads are searchable at once, before the task worker has run."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult
from wagtail.documents import get_document_model
from wagtail.search.backends import get_search_backend

from cms.models import OpenResourcePage

from .bulk_upload.test_view import PDF, URL, bundle

MANIFEST = (
    "title,language,licence,subjects,summary,files\n"
    "Nuôi cá ruộng,vi,CC-BY-4.0,Nông nghiệp,Thả cá trong ruộng lúa.,ca-ruong.pdf\n"
)


@pytest.fixture
def queued_tasks(settings):
    """Tasks wait in the database queue for a worker that is not running."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "video"],
        }
    }


def test_a_bulk_upload_is_found_by_search_before_the_worker_runs(
    client, contributor, sections, licences, subjects, queued_tasks
):
    client.force_login(contributor)
    response = client.post(
        URL,
        {
            "archive": bundle({"ca-ruong.pdf": PDF}),
            "manifest": SimpleUploadedFile("manifest.csv", MANIFEST.encode()),
        },
    )
    assert [row.ok for row in response.context["report"].rows] == [True]
    assert DBTaskResult.objects.filter(status="READY").exists()  # nothing ran

    backend = get_search_backend()
    page = OpenResourcePage.objects.get(title="Nuôi cá ruộng")
    assert page in backend.search("Nuôi cá ruộng", OpenResourcePage)
    document = page.files.get().document
    assert document in backend.search("ca-ruong", get_document_model())

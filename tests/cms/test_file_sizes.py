"""Every document and audio/video file stores its size at upload, on every path."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.utils import translation
from wagtail.documents import get_document_model

import cms.demo
from cms.blocks import DocumentBlock
from cms.demo import load_cms_demo
from cms.file_sizes import human_size
from cms.models import LessonMedia
from cms.place_rights import centre_collection
from cms.review import institution_collection

from .bulk_upload.test_view import MANIFEST, PDF, bundle
from .staff_admin import build_centre

Document = get_document_model()
NBSP = "\xa0"


def new_document(data: bytes, **fields):
    document = Document(title="Sổ tay", **fields)
    document.file.save("so-tay.pdf", ContentFile(data), save=False)
    document.save()
    return document


def test_a_document_made_in_code_has_its_size(db):
    assert new_document(b"x" * 1234).file_size == 1234


def test_a_replaced_file_gets_the_new_size(db):
    document = new_document(b"x" * 10)
    document.file.save("moi.pdf", ContentFile(b"y" * 25), save=False)
    document.save()
    document.refresh_from_db()
    assert document.file_size == 25


def test_an_admin_upload_by_centre_staff_has_its_size(client, home_page, commune):
    world = build_centre(home_page, commune)
    client.force_login(world.staff)
    response = client.post(
        "/admin/documents/multiple/add/",
        {
            "files[]": SimpleUploadedFile("lich-hoc.pdf", PDF),
            "collection": centre_collection(world.centre).pk,
        },
    )
    assert response.json()["success"], response.json()
    assert Document.objects.get().file_size == len(PDF)


def test_a_contributor_upload_has_its_size(client, contributor, sections):
    client.force_login(contributor)
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Giáo trình",
            "file": SimpleUploadedFile("giao-trinh.pdf", PDF * 3),
            "collection": institution_collection(sections[0].institution).pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert Document.objects.get(title="Giáo trình").file_size == len(PDF) * 3


def test_bulk_uploaded_documents_have_their_size(
    client, contributor, sections, licences, subjects
):
    client.force_login(contributor)
    client.post(
        "/admin/bulk-upload/",
        {
            "archive": bundle({"tai-lieu/ca-ruong.pdf": PDF, "ong.pdf": PDF * 2}),
            "manifest": SimpleUploadedFile("manifest.csv", MANIFEST.encode()),
        },
    )
    sizes = dict(Document.objects.values_list("title", "file_size"))
    assert sizes == {"ca-ruong": len(PDF), "ong": len(PDF) * 2}


def test_every_demo_document_has_its_size(db, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(cms.demo, "STAFF_PASSWORD_FILE", tmp_path / "password")
    load_cms_demo()
    documents = list(Document.objects.all())
    assert documents
    for document in documents:
        assert document.file_size == document.file.size > 0, document.title


def test_lesson_media_made_in_code_has_its_size(db):
    media = LessonMedia(title="Cấy lúa", type="video")
    media.file.save("cay-lua.mp4", ContentFile(b"\x00" * 4321), save=False)
    media.save()
    assert LessonMedia.objects.get().size_bytes == 4321


def test_the_migration_fills_sizes_saved_before(db):
    document = new_document(b"x" * 77)
    media = LessonMedia(title="Bón phân", type="audio")
    media.file.save("bon-phan.mp3", ContentFile(b"\x00" * 88), save=False)
    media.save()
    Document.objects.update(file_size=None)
    LessonMedia.objects.update(size_bytes=None)
    migration = importlib.import_module("cms.migrations.0008_fill_file_sizes")
    migration.fill_sizes(django_apps, None)
    document.refresh_from_db()
    media.refresh_from_db()
    assert (document.file_size, media.size_bytes) == (77, 88)


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (None, ""),
        (512, "1 KB"),
        (2048, "2 KB"),
        (1_258_291, "1,3 MB"),
        (35_000_000, "35 MB"),
    ],
)
def test_human_size_reads_the_vietnamese_way(size, shown):
    with translation.override("vi"):
        assert human_size(size) == shown


def test_the_document_block_shows_the_size(db):
    document = new_document(b"x" * 1_258_291)
    block = DocumentBlock()
    value = block.to_python({"document": document.pk, "caption": ""})
    with translation.override("vi"):
        html = block.render(value)
    assert "PDF · 1,3 MB" in html


def test_the_filter_in_a_template(db):
    template = Template("{% load cms_tags %}{{ size|human_size }}")
    with translation.override("vi"):
        assert template.render(Context({"size": 3_500_000})) == "3,5 MB"


def test_library_cards_show_the_size_of_the_files(client, library, resource):
    from cms.models import ResourceFile

    for size in (1_000_000, 258_291):
        document = new_document(b"x" * size)
        ResourceFile.objects.create(page=resource, document=document)
    response = client.get(library.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tệp: 1,3 MB" in html

"""Bulk uploads stay within their limits whatever is uploaded: memory, files, rows.

Peak memory is Python's own allocation during the request (tracemalloc): without
openpyxl's streaming mode and chunked copies, these uploads take hundreds of MB.
"""

import io
import time
import tracemalloc
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.bulk_upload.manifest import ManifestError, read_manifest
from cms.models import OpenResourcePage

from .archives import MB, PDF, damage, lie_about_size, long_csv, long_xlsx, zeros_zip

URL = "/admin/bulk-upload/"
ONE_ROW = "title,licence,summary,files\nSổ tay lớn,CC-BY-4.0,Tóm tắt,{files}\n"
MEMORY_BOUND = 24 * MB


def stored_documents() -> set[Path]:
    root = Path(settings.MEDIA_ROOT) / "documents"
    return set(root.rglob("*")) if root.exists() else set()


def post_measured(client, data) -> tuple:
    """The response, the request's peak traced memory and its duration."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        response = client.post(URL, data)
        elapsed = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(f"\n{peak / MB:.1f} MB peak, {elapsed:.2f} s")  # noqa: T201
    return response, peak, elapsed


def upload(data: bytes, manifest: str | None = None, name="goi.zip") -> dict:
    form = {"archive": SimpleUploadedFile(name, data, "application/zip")}
    if manifest is not None:
        form["manifest"] = SimpleUploadedFile("manifest.csv", manifest.encode())
    return form


@pytest.fixture(scope="module")
def zeros_200mb(tmp_path_factory) -> bytes:
    """200 MB of zeros in a ZIP of about 200 KB."""
    path = tmp_path_factory.mktemp("zips") / "zeros.zip"
    return zeros_zip(path, name="lon.pdf", megabytes=200).read_bytes()


@pytest.fixture
def uploader(client, contributor, licences):
    client.force_login(contributor)
    client.get(URL)  # templates and translations loaded before anything is measured
    return client


def test_an_oversized_member_is_refused_from_the_directory(
    uploader, zeros_200mb, settings
):
    settings.BULK_UPLOAD_MAX_EXPANDED_BYTES = 100 * MB
    before = stored_documents()
    response, peak, elapsed = post_measured(
        uploader, upload(zeros_200mb, ONE_ROW.format(files="lon.pdf"))
    )
    html = response.content.decode()
    assert "Tệp ZIP quá lớn khi giải nén (trên 100,0\xa0MB)." in html
    assert 'name="archive"' in html
    assert peak < MEMORY_BOUND
    assert stored_documents() == before
    assert not OpenResourcePage.objects.exists()


def test_a_member_lying_about_its_size_is_stopped_while_streaming(
    uploader, tmp_path, settings
):
    """The directory says 1 KB; the data expands to 150 MB: nothing is kept."""
    settings.BULK_UPLOAD_MAX_EXPANDED_BYTES = 100 * MB
    honest = zeros_zip(tmp_path / "z.zip", name="lon.pdf", megabytes=150)
    lying = lie_about_size(honest.read_bytes(), declared=1024)
    before = stored_documents()
    response, peak, _elapsed = post_measured(
        uploader, upload(lying, ONE_ROW.format(files="lon.pdf"))
    )
    [row] = response.context["report"].rows
    assert row.errors == ["Tệp “lon.pdf” trong tệp ZIP bị hỏng."]
    assert peak < MEMORY_BOUND
    assert stored_documents() == before
    assert not OpenResourcePage.objects.exists()


def test_a_large_member_within_the_limits_is_streamed_to_storage(
    uploader, zeros_200mb, settings
):
    settings.BULK_UPLOAD_MAX_EXPANDED_BYTES = 300 * MB
    response, peak, _elapsed = post_measured(
        uploader, upload(zeros_200mb, ONE_ROW.format(files="lon.pdf"))
    )
    [row] = response.context["report"].rows
    assert row.ok, row.errors
    document = OpenResourcePage.objects.get().files.get().document
    try:
        assert document.file.size == 200 * MB
        assert document.file_size == 200 * MB
        assert len(document.file_hash) == 40
        assert peak < MEMORY_BOUND
    finally:
        document.file.delete(save=False)


@pytest.fixture(scope="module")
def xlsx_300k(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("manifests") / "long.xlsx"
    return long_xlsx(path, rows=300_000).read_bytes()


def test_a_300000_row_xlsx_manifest_is_refused_at_row_501(uploader, xlsx_300k):
    archive = io.BytesIO()
    zeros_zip(archive, name="a.pdf", megabytes=0)
    form = upload(archive.getvalue())
    form["manifest"] = SimpleUploadedFile("manifest.xlsx", xlsx_300k)
    response, peak, _elapsed = post_measured(uploader, form)
    html = response.content.decode()
    assert "Bảng kê có hơn 500 dòng (dòng 502 là dòng thừa)" in html
    # The request body and its parsed copy are in memory too (the test client);
    # reading the sheet whole took 568 MB. No clock: CI machines are busy.
    assert peak < MEMORY_BOUND + len(xlsx_300k) * 3
    assert not OpenResourcePage.objects.exists()


def test_a_300000_row_csv_manifest_is_refused_at_the_first_row_over():
    data = io.BytesIO(long_csv(300_000))
    tracemalloc.start()
    try:
        with pytest.raises(ManifestError) as error:
            read_manifest("manifest.csv", data, max_rows=500, max_bytes=8 * MB)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "(dòng 502 là dòng thừa)" in str(error.value)
    assert peak < 2 * MB


def test_an_xlsx_whose_shared_strings_are_too_large_is_refused():
    data = io.BytesIO()
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["title", "licence", "summary", "files"])
    workbook.save(data)
    with pytest.raises(ManifestError) as error:
        read_manifest("manifest.xlsx", data.getvalue(), max_rows=500, max_bytes=1000)
    assert "Bảng kê XLSX quá lớn" in str(error.value)


def test_too_many_files_in_the_zip_are_refused(uploader, settings):
    settings.BULK_UPLOAD_MAX_FILES = 2
    archive = io.BytesIO()
    zeros_zip(archive, name="a.pdf", megabytes=0, extra={"b.pdf": PDF, "c.pdf": PDF})
    response = uploader.post(
        URL, upload(archive.getvalue(), ONE_ROW.format(files="a.pdf"))
    )
    assert "Tệp ZIP có 3 tệp; chỉ nhận tối đa 2 tệp." in response.content.decode()


def test_rows_naming_more_files_than_the_upload_may_store_are_refused(
    uploader, settings
):
    """Two rows naming the same large file would store it twice."""
    settings.BULK_UPLOAD_MAX_EXPANDED_BYTES = 3 * MB
    archive = io.BytesIO()
    zeros_zip(archive, name="a.pdf", megabytes=2)
    manifest = (
        "title,licence,summary,files\nMột,CC-BY-4.0,Tóm tắt,a.pdf\n"
        "Hai,CC-BY-4.0,Tóm tắt,a.pdf\n"
    )
    response = uploader.post(URL, upload(archive.getvalue(), manifest))
    assert "Tệp ZIP quá lớn khi giải nén" in response.content.decode()
    assert not OpenResourcePage.objects.exists()


def test_a_row_naming_too_many_files_fails_alone(uploader, settings):
    settings.BULK_UPLOAD_MAX_FILES_PER_ROW = 1
    archive = io.BytesIO()
    zeros_zip(archive, name="a.pdf", megabytes=0, extra={"b.pdf": PDF})
    manifest = (
        "title,licence,summary,files\nMột,CC-BY-4.0,Tóm tắt,a.pdf;b.pdf\n"
        "Hai,CC-BY-4.0,Tóm tắt,b.pdf\n"
    )
    response = uploader.post(URL, upload(archive.getvalue(), manifest))
    first, second = response.context["report"].rows
    assert first.errors == ["Dòng này có 2 tệp; mỗi dòng chỉ nhận tối đa 1 tệp."]
    assert second.ok


def two_file_upload() -> bytes:
    archive = io.BytesIO()
    zeros_zip(archive, name="a.pdf", megabytes=1, extra={"b.pdf": PDF * 1000})
    return archive.getvalue()


TWO_FILES = ONE_ROW.format(files="a.pdf;b.pdf")


def test_a_damaged_second_file_leaves_no_stored_file(uploader):
    before = stored_documents()
    data = damage(two_file_upload(), member="b.pdf")
    response = uploader.post(URL, upload(data, TWO_FILES))
    [row] = response.context["report"].rows
    assert row.errors == ["Tệp “b.pdf” trong tệp ZIP bị hỏng."]
    assert stored_documents() == before
    assert not OpenResourcePage.objects.exists()


def test_a_second_file_the_storage_refuses_leaves_no_stored_file(uploader, monkeypatch):
    """A full disk on the second write: the first file is removed again."""
    real_save = FileSystemStorage._save
    calls = []

    def disk_full_on_second(storage, name, content):
        calls.append(name)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_save(storage, name, content)

    monkeypatch.setattr(FileSystemStorage, "_save", disk_full_on_second)
    before = stored_documents()
    response = uploader.post(URL, upload(two_file_upload(), TWO_FILES))
    [row] = response.context["report"].rows
    assert not row.ok and "No space left on device" in row.errors[0]
    assert len(calls) == 2
    assert stored_documents() == before
    assert not OpenResourcePage.objects.exists()


def test_a_row_whose_transaction_fails_leaves_no_stored_file(uploader, monkeypatch):
    """The row's database work is rolled back and its stored files deleted."""

    def refuse(**kwargs):
        raise RuntimeError("workflow unavailable")

    monkeypatch.setattr("cms.bulk_upload.service.submit_for_review", refuse)
    before = stored_documents()
    response = uploader.post(URL, upload(two_file_upload(), TWO_FILES))
    [row] = response.context["report"].rows
    assert not row.ok
    assert stored_documents() == before
    assert not OpenResourcePage.objects.exists()


def test_a_300000_row_csv_manifest_uploaded_is_refused(uploader):
    """Larger than FILE_UPLOAD_MAX_MEMORY_SIZE: Django keeps it in a temporary file."""
    archive = io.BytesIO()
    zeros_zip(archive, name="a.pdf", megabytes=0)
    form = upload(archive.getvalue())
    form["manifest"] = SimpleUploadedFile("manifest.csv", long_csv(300_000))
    response = uploader.post(URL, form)
    assert (
        "Bảng kê có hơn 500 dòng (dòng 502 là dòng thừa)" in response.content.decode()
    )

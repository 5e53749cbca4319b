"""Turning an uploaded ZIP and manifest into drafts in the review workflow.

Memory stays bounded whatever the upload: the manifest is read row by row, each file
is streamed through a temporary file on disk (cms/bulk_upload/archive.py). A row's
files are stored before its short transaction and deleted again if the transaction
fails, so a failed row leaves no file behind and no write transaction waits on file
copies (SQLite's single writer is shared with the task worker).
"""

import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from cms.models import (
    InstitutionLibraryPage,
    Licence,
    OpenResourcePage,
    ResourceFile,
    ResourceTranslator,
    Subject,
)
from cms.review import institution_collection, submit_for_review
from cms.search_index import index_now
from cms.text import fold

from .archive import (
    Budget,
    StagedFile,
    check_expanded_size,
    members,
    open_archive,
    spool,
    stage,
)
from .errors import BundleError, MemberError
from .limits import Limits, upload_limits
from .manifest import ManifestError, ManifestRow, read_manifest
from .validation import Library, RowResult, licence_key, validate_rows

__all__ = ["BundleError", "UploadReport", "import_bundle"]
MANIFEST_NAMES = ("manifest.csv", "manifest.xlsx")


@dataclass(frozen=True)
class UploadReport:
    rows: list[RowResult]

    @property
    def created(self) -> int:
        return sum(1 for row in self.rows if row.ok)

    @property
    def failed(self) -> int:
        return sum(1 for row in self.rows if not row.ok)


def import_bundle(
    *,
    user,
    section: InstitutionLibraryPage,
    archive,
    manifest=None,
) -> UploadReport:
    """Create one draft per good row and submit it for review; report every row."""
    limits = upload_limits()
    with open_archive(archive) as bundle:
        files = members(bundle, limits)
        rows = _manifest_rows(bundle, files, manifest, limits)
        library = snapshot(
            section=section,
            file_names=frozenset(files),
            max_files_per_row=limits.max_files_per_row,
        )
        results = validate_rows(rows, library)
        _check_planned_writes(results, files, limits)
        budget = Budget(limits)
        for result in results:
            if result.ok:
                _create(
                    result,
                    user=user,
                    section=section,
                    bundle=bundle,
                    files=files,
                    budget=budget,
                )
    return UploadReport(rows=results)


def snapshot(
    *,
    section: InstitutionLibraryPage,
    file_names: frozenset[str],
    max_files_per_row: int,
) -> Library:
    licences = {}
    for licence in Licence.objects.all():
        licences[licence_key(licence.code)] = licence.pk
        licences.setdefault(licence_key(licence.name), licence.pk)
    subjects = {}
    for subject in Subject.objects.all():
        subjects[fold(subject.name)] = subject.pk
        subjects[subject.slug] = subject.pk
    titles = OpenResourcePage.objects.child_of(section).values_list("title", flat=True)
    return Library(
        licences=licences,
        subjects=subjects,
        existing_titles=frozenset(fold(title) for title in titles),
        file_names=file_names,
        allowed_extensions=frozenset(
            getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or ["pdf"]
        ),
        current_year=timezone.localdate().year,
        max_files_per_row=max_files_per_row,
    )


def _manifest_rows(
    bundle: zipfile.ZipFile, files: dict, uploaded, limits: Limits
) -> list[ManifestRow]:
    if uploaded is not None:
        name, source = uploaded.name, uploaded
    else:
        name = next((name for name in MANIFEST_NAMES if name in files), None)
        if name is None:
            raise BundleError(
                _(
                    "No manifest: upload a CSV or XLSX manifest, or put manifest.csv "
                    "or manifest.xlsx inside the ZIP."
                )
            )
        source = spool(bundle, files[name], max_bytes=limits.max_manifest_bytes)
    try:
        return read_manifest(
            name,
            source,
            max_rows=limits.max_rows,
            max_bytes=limits.max_manifest_bytes,
        )
    except ManifestError as error:
        raise BundleError(str(error)) from error
    finally:
        if uploaded is None:
            source.close()


def _check_planned_writes(results: list[RowResult], files: dict, limits: Limits):
    """What the good rows would store, from the directory, before storing any."""
    planned = [name for result in results if result.ok for name in result.draft.files]
    if len(planned) > limits.max_files:
        raise BundleError(
            _("The rows name %(count)s files; at most %(max)s are accepted at once.")
            % {"count": len(planned), "max": limits.max_files}
        )
    check_expanded_size(sum(files[name].file_size for name in planned), limits)


def _create(result: RowResult, *, user, section, bundle, files, budget) -> None:
    draft = result.draft
    staged: list[StagedFile] = []
    stored = []
    try:
        for name in draft.files:
            staged.append(stage(bundle, files[name], budget))
        collection = institution_collection(section.institution)
        document_model = get_document_model()
        for item in staged:
            document = document_model(
                title=item.name.rsplit(".", 1)[0],
                collection=collection,
                uploaded_by_user=user,
                file_size=item.size,
                file_hash=item.sha1,
            )
            document.file.save(item.name, File(item.file, name=item.name), save=False)
            stored.append(document)
        with transaction.atomic():
            page = _save_page(draft, user=user, section=section, documents=stored)
    except Exception as error:  # a row must never take the others down
        for document in stored:
            document.file.storage.delete(document.file.name)
        reason = (
            str(error)
            if isinstance(error, MemberError)
            else _("The resource could not be saved: %(error)s") % {"error": error}
        )
        result.errors.append(reason)
        result.draft = None
        return
    finally:
        for item in staged:
            item.close()
    result.page_id = page.pk
    index_now([page, *stored])  # found in the admin's search at once


def _save_page(draft, *, user, section, documents) -> OpenResourcePage:
    page = OpenResourcePage(
        title=draft.title,
        original_title=draft.original_title,
        language=draft.language,
        original_language=draft.original_language,
        licence_id=draft.licence_id,
        summary=draft.summary,
        source_citation=draft.source,
        source_url=draft.source_url,
        publication_year=draft.publication_year,
        institution_id=section.institution_id,
        owner=user,
        live=False,
    )
    section.add_child(instance=page)
    page.subjects.set(draft.subject_ids)
    for order, document in enumerate(documents):
        document.save()
        page.files.add(ResourceFile(document=document, sort_order=order))
    for order, name in enumerate(draft.translators):
        page.translators.add(ResourceTranslator(name=name, sort_order=order))
    page.save()
    submit_for_review(page=page, user=user)
    return page

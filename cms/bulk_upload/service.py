"""Turning an uploaded ZIP and manifest into drafts in the review workflow."""

import posixpath
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
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

from .manifest import ManifestError, read_manifest
from .validation import Library, RowResult, licence_key, validate_rows

MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
MANIFEST_NAMES = ("manifest.csv", "manifest.xlsx")


class BundleError(ValueError):
    """The upload as a whole is unusable; nothing was created."""


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
    try:
        bundle = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as error:
        raise BundleError(_("The uploaded file is not a ZIP archive.")) from error
    with bundle:
        members = _members(bundle)
        manifest_name, manifest_data = _manifest(bundle, members, manifest)
        try:
            rows = read_manifest(manifest_name, manifest_data)
        except ManifestError as error:
            raise BundleError(str(error)) from error
        library = snapshot(section=section, file_names=frozenset(members))
        results = validate_rows(rows, library)
        for result in results:
            if result.ok:
                _create(
                    result, user=user, section=section, bundle=bundle, members=members
                )
    return UploadReport(rows=results)


def snapshot(*, section: InstitutionLibraryPage, file_names: frozenset[str]) -> Library:
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
    )


def _members(bundle: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Files by base name; folders and macOS metadata are ignored."""
    members = {}
    total = 0
    for info in bundle.infolist():
        if info.is_dir() or info.filename.startswith("__MACOSX/"):
            continue
        total += info.file_size
        name = posixpath.basename(info.filename)
        if name and not name.startswith("."):
            members.setdefault(name, info)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise BundleError(
            _("The ZIP archive is too large once unpacked (over 500 MB).")
        )
    return members


def _manifest(bundle, members, uploaded) -> tuple[str, bytes]:
    if uploaded is not None:
        return uploaded.name, uploaded.read()
    for name in MANIFEST_NAMES:
        if name in members:
            return name, bundle.read(members[name])
    raise BundleError(
        _(
            "No manifest: upload a CSV or XLSX manifest, or put manifest.csv or "
            "manifest.xlsx inside the ZIP."
        )
    )


def _create(result: RowResult, *, user, section, bundle, members) -> None:
    draft = result.draft
    try:
        with transaction.atomic():
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
            collection = institution_collection(section.institution)
            document_model = get_document_model()
            documents = []
            for order, name in enumerate(draft.files):
                document = document_model(
                    title=name.rsplit(".", 1)[0],
                    collection=collection,
                    uploaded_by_user=user,
                )
                document.file.save(
                    name, ContentFile(bundle.read(members[name])), save=False
                )
                document.save()
                documents.append(document)
                page.files.add(ResourceFile(document=document, sort_order=order))
            for order, name in enumerate(draft.translators):
                page.translators.add(ResourceTranslator(name=name, sort_order=order))
            page.save()
            submit_for_review(page=page, user=user)
    except Exception as error:  # a row must never take the others down
        result.errors.append(
            _("The resource could not be saved: %(error)s") % {"error": error}
        )
        result.draft = None
        return
    result.page_id = page.pk
    index_now([page, *documents])  # found in the admin's search at once

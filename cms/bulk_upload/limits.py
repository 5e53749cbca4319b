"""How much one bulk upload may hold, read from settings once per upload."""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Limits:
    max_rows: int
    max_files_per_row: int
    max_files: int
    max_expanded_bytes: int
    max_manifest_bytes: int


def upload_limits() -> Limits:
    return Limits(
        max_rows=settings.BULK_UPLOAD_MAX_ROWS,
        max_files_per_row=settings.BULK_UPLOAD_MAX_FILES_PER_ROW,
        max_files=settings.BULK_UPLOAD_MAX_FILES,
        max_expanded_bytes=settings.BULK_UPLOAD_MAX_EXPANDED_BYTES,
        max_manifest_bytes=settings.BULK_UPLOAD_MAX_MANIFEST_BYTES,
    )

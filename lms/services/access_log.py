"""Logging staff and officers' views of a resident's personal data.

Call ``log_personal_data_access`` from any view that shows one resident's personal
data to someone else (dossiers, evidence files, certificates, temporary passwords,
attendance lists). A person looking at their own data is never logged.
"""

from collections.abc import Iterable
from datetime import timedelta

from django.utils import timezone

from lms.models import PersonalDataAccess, User

# A page reloaded (or redirected to itself after a save) within this window by the
# same viewer is one look, not many.
REPEAT_WINDOW = timedelta(minutes=15)


def log_personal_data_access(
    *, viewer: User, subject: User | None, what: str, detail: str = "", path: str = ""
) -> PersonalDataAccess | None:
    """Record that ``viewer`` saw ``subject``'s data; None when nothing was logged."""
    if subject is None:
        return None
    logged = log_personal_data_accesses(
        viewer=viewer, subjects=[subject], what=what, detail=detail, path=path
    )
    return logged[0] if logged else None


def log_personal_data_accesses(
    *,
    viewer: User,
    subjects: Iterable[User],
    what: str,
    detail: str = "",
    path: str = "",
) -> list[PersonalDataAccess]:
    """One row per resident shown on a list; repeats within the window are skipped."""
    if not viewer.is_authenticated:
        return []
    subject_ids = {s.pk for s in subjects if s is not None and s.pk != viewer.pk}
    if not subject_ids:
        return []
    recent = set(
        PersonalDataAccess.objects.filter(
            viewer=viewer,
            subject_id__in=subject_ids,
            what=what,
            detail=detail[:200],
            at__gte=timezone.now() - REPEAT_WINDOW,
        ).values_list("subject_id", flat=True)
    )
    return PersonalDataAccess.objects.bulk_create(
        PersonalDataAccess(
            viewer=viewer,
            viewer_name=(viewer.get_full_name() or viewer.username)[:150],
            viewer_commune_id=viewer.commune_id,
            subject_id=subject_id,
            what=what,
            detail=detail[:200],
            path=path[:300],
        )
        for subject_id in sorted(subject_ids - recent)
    )

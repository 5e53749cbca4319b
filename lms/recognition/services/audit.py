"""Writing the audit trail."""

from lms.recognition.models import AuditEntry


def record(
    *,
    action: str,
    actor=None,
    dossier=None,
    criteria_set=None,
    summary: str = "",
    data: dict | None = None,
) -> AuditEntry:
    """Append one entry; nothing is ever changed or removed afterwards."""
    return AuditEntry.objects.create(
        action=action,
        actor=actor if actor is not None and actor.is_authenticated else None,
        dossier=dossier,
        criteria_set=criteria_set,
        summary=summary[:300],
        data=data or {},
    )

"""Reading the outbox: a learner's own statements (their data export)."""

from lms.xapi.models import Statement


def statements_of(*, learner_id: int) -> list[dict]:
    """Every statement about the learner, oldest first, with whether it was sent."""
    return [
        {
            "statement": row.data,
            "status": row.status,
            "sent_at": row.sent_at.isoformat() if row.sent_at else None,
        }
        for row in Statement.objects.filter(learner_id=learner_id).order_by(
            "timestamp", "created_at"
        )
    ]

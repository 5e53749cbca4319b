"""Writing bulk evaluation results: one upsert per batch, unchanged rows untouched.

A row's ``digest`` hashes its criteria set and explanation, so a second run over
the same data writes nothing. PostgreSQL gets the rows by COPY into a temporary
table and one ``INSERT ... ON CONFLICT``: at 100,000 residents, building and
parsing multi-row INSERT statements took longer than the evaluation itself. Other
databases (the embedded SQLite) use ``bulk_create``.
"""

import hashlib
import json
from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

from django.db import connection, transaction

from lms.recognition.models import Evaluation

UNIQUE_FIELDS = ("model", "year", "subject_key")
BATCH_TABLE = "recognition_evaluation_batch"


class EvaluationRow(NamedTuple):
    """One subject's result, in the order of ``FIELDS`` (also the COPY columns)."""

    model: str
    year: int
    subject_key: str
    commune_id: int
    village_id: int | None
    criteria_set_id: int
    set_version: int
    passed: bool
    level: int
    points: Decimal | float | None
    band: str
    explanation: str  # JSON text, dumped once for the digest and the database
    digest: str
    evaluated_at: datetime


FIELDS = EvaluationRow._fields


def explanation_text(explanation: dict) -> str:
    return json.dumps(explanation, separators=(",", ":"))


def digest_of(criteria_set_id: int, text: str) -> str:
    return hashlib.md5(
        f"{criteria_set_id}:{text}".encode(), usedforsecurity=False
    ).hexdigest()


def store_evaluations(rows: list[EvaluationRow]) -> None:
    """Insert new rows and rewrite those whose digest changed."""
    if not rows:
        return
    if connection.vendor == "postgresql":
        _copy_and_upsert(rows)
    else:
        _bulk_upsert(rows)


def _copy_and_upsert(rows: list[EvaluationRow]) -> None:
    quote = connection.ops.quote_name
    meta = Evaluation._meta
    names = {
        field: quote(meta.get_field(field.removesuffix("_id")).column)
        for field in FIELDS
    }
    columns = ", ".join(names.values())
    unique = ", ".join(names[field] for field in UNIQUE_FIELDS)
    updates = ", ".join(
        f"{column} = EXCLUDED.{column}"
        for field, column in names.items()
        if field not in UNIQUE_FIELDS
    )
    table = quote(meta.db_table)
    # Every name in the SQL below comes from the model's metadata, none from input.
    # One transaction per batch: all or nothing, and safe behind a pooler.
    with transaction.atomic(), connection.cursor() as cursor:
        # The temporary table lives as long as the connection; emptied per batch.
        shape = f"SELECT {columns} FROM {table} WITH NO DATA"  # noqa: S608
        cursor.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {BATCH_TABLE} AS {shape}")
        cursor.execute(f"TRUNCATE {BATCH_TABLE}")
        with cursor.cursor.copy(f"COPY {BATCH_TABLE} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(
            f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {BATCH_TABLE} "  # noqa: S608
            f"ON CONFLICT ({unique}) DO UPDATE SET {updates} "
            f"WHERE {table}.{names['digest']} <> EXCLUDED.{names['digest']}"
        )


def _bulk_upsert(rows: list[EvaluationRow]) -> None:
    first = rows[0]
    stored = dict(
        Evaluation.objects.filter(
            model=first.model,
            year=first.year,
            subject_key__in=[row.subject_key for row in rows],
        ).values_list("subject_key", "digest")
    )
    changed = [
        Evaluation(**{**row._asdict(), "explanation": json.loads(row.explanation)})
        for row in rows
        if stored.get(row.subject_key) != row.digest
    ]
    Evaluation.objects.bulk_create(
        changed,
        batch_size=500,
        update_conflicts=True,
        unique_fields=list(UNIQUE_FIELDS),
        update_fields=[
            name.removesuffix("_id") for name in FIELDS if name not in UNIQUE_FIELDS
        ],
    )

"""Where evidence files live: private storage under random names, gone with their row.

Evidence used to be saved in public media under ``recognition/evidence/<year>/`` with
the uploader's file name; ``move_public_evidence`` carries those files over.
"""

import logging
from dataclasses import dataclass

from django.db import transaction

from lms.private_files import unguessable_name

logger = logging.getLogger(__name__)

PUBLIC_PREFIX = "recognition/evidence/"


@dataclass(frozen=True)
class MoveResult:
    moved: int
    missing: int


def move_public_evidence(*, evidence_model, public, private) -> MoveResult:
    """Copy every evidence file still in public media into private storage under a
    new random name, point its row at it, then remove the public copy. A row whose
    file is missing is left as it is and counted."""
    moved, missing, copied = 0, 0, []
    rows = evidence_model.objects.filter(file__startswith=PUBLIC_PREFIX).values_list(
        "pk", "file", "original_name", "answer__dossier__year"
    )
    for pk, old_name, original_name, year in rows.iterator():
        if not public.exists(old_name):
            logger.warning("Evidence %s: %s is missing; left as it is.", pk, old_name)
            missing += 1
            continue
        with public.open(old_name, "rb") as handle:
            new_name = private.save(
                unguessable_name(f"evidence/{year}", original_name or old_name), handle
            )
        evidence_model.objects.filter(pk=pk).update(file=new_name)
        copied.append(old_name)
        moved += 1
    # Public copies go last, once every row points at its private copy.
    for old_name in copied:
        public.delete(old_name)
    return MoveResult(moved=moved, missing=missing)


def delete_evidence_file(sender, instance, **kwargs) -> None:
    """post_delete: remove the file once the deletion is committed (also for
    queryset and cascade deletes, which send the signal per row)."""
    name = instance.file.name
    if not name:
        return
    storage = instance.file.storage
    transaction.on_commit(lambda: storage.delete(name))

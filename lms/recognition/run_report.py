"""What an officer reads of a bulk evaluation run: counts per model, in words.

A run stores its counts with code keys (``citizen``, ``not_passed``, dossier
statuses); officers see the models' and statuses' own labels, and a run that has
not moved for a while is told apart from one still working.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from lms.recognition.constants import DossierStatus, LearningModel

# A step of a run reports at least every batch of 2,000 subjects: seconds apart.
STALLED_AFTER = datetime.timedelta(minutes=15)


@dataclass(frozen=True)
class ModelLine:
    model: str
    label: str
    passed: int
    not_passed: int
    frozen: int
    no_criteria: int
    # Titles held (recognised by a decision), and those that meet the criteria but
    # hold none yet: two figures, never added together.
    held: int
    awaiting: int
    dossiers: tuple[tuple[str, int], ...]


def model_lines(counts: dict) -> list[ModelLine]:
    """One line per evaluated model, in the models' own order."""
    lines = []
    for model in LearningModel:
        if model.value not in counts:
            continue
        figures = counts[model.value]
        dossiers = figures.get("dossiers", {})
        lines.append(
            ModelLine(
                model=model.value,
                label=str(model.label),
                passed=figures.get("passed", 0),
                not_passed=figures.get("not_passed", 0),
                frozen=figures.get("frozen", 0),
                no_criteria=figures.get("no_criteria", 0),
                held=figures.get("held", 0),
                awaiting=figures.get("awaiting", 0),
                dossiers=tuple(
                    (str(status.label), dossiers[status.value])
                    for status in DossierStatus
                    if dossiers.get(status.value)
                ),
            )
        )
    return lines


def is_stalled(run, *, now=None) -> bool:
    """Queued or running, and nothing has moved for ``STALLED_AFTER``."""
    now = now or timezone.now()
    return run.active and now - run.updated_at > STALLED_AFTER

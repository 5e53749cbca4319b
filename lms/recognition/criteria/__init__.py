"""The evaluation engine: pure functions over frozen snapshots, and the seed sets."""

from .engine import evaluate
from .snapshot import (
    DeclaredAnswer,
    IndicatorResult,
    IndicatorSpec,
    Result,
    SetSpec,
    Snapshot,
)

__all__ = [
    "DeclaredAnswer",
    "IndicatorResult",
    "IndicatorSpec",
    "Result",
    "SetSpec",
    "Snapshot",
    "evaluate",
]

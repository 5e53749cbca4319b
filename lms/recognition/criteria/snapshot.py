"""Frozen inputs and outputs of the engine.

Selectors build a ``SetSpec`` from a criteria set version and a ``Snapshot`` per
subject from data fetched once; the engine turns them into a ``Result``.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    text: str
    kind: str
    criterion: str = ""
    metric: str = ""
    threshold: Decimal | None = None
    points: Decimal | None = None
    level: int = 1
    required: bool = True
    evidence_required: bool = False
    unconfirmed: bool = False
    indicator_id: int | None = None
    # Floats of the decimals above, converted once: the engine runs per subject.
    threshold_value: float | None = field(init=False, repr=False, compare=False)
    points_value: float | None = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        for name, decimal in (("threshold", self.threshold), ("points", self.points)):
            value = None if decimal is None else float(decimal)
            object.__setattr__(self, f"{name}_value", value)


@dataclass(frozen=True)
class SetSpec:
    id: int | None
    code: str
    version: int
    name: str
    indicators: tuple[IndicatorSpec, ...]
    pass_points: Decimal | None = None
    bands: tuple[tuple[str, Decimal], ...] = ()


@dataclass(frozen=True)
class DeclaredAnswer:
    met: bool
    value: Decimal | None = None
    evidence: tuple[str, ...] = ()
    note: str = ""
    verified: bool = False


@dataclass(frozen=True)
class Snapshot:
    """What is known about one subject for one year."""

    metrics: dict[str, float] = field(default_factory=dict)
    # Per metric: what the figure is made of (courses, classes, members...).
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)
    answers: dict[str, DeclaredAnswer] = field(default_factory=dict)


class IndicatorResult(NamedTuple):
    """One indicator's outcome (a named tuple: bulk runs build millions)."""

    code: str
    text: str
    kind: str
    criterion: str
    value: float | bool | None
    threshold: float | None
    source: tuple[str, ...]
    passed: bool
    required: bool
    level: int
    points: float | None
    points_awarded: float | None
    unconfirmed: bool
    missing: str = ""
    # The figure a computed or rolled-up indicator reads, for the reason shown.
    metric: str = ""


# What an indicator result copies from its spec: left out of compact storage.
STATIC_KEYS = (
    "text",
    "kind",
    "criterion",
    "threshold",
    "required",
    "level",
    "points",
    "unconfirmed",
    "metric",
)


ROW_KEYS = tuple(name for name in IndicatorResult._fields if name != "source")
COMPACT_KEYS = tuple(key for key in ROW_KEYS if key not in STATIC_KEYS)


@dataclass(frozen=True)
class Result:
    passed: bool
    level: int
    points: float | None
    band: str
    set_code: str
    set_version: int
    indicators: tuple[IndicatorResult, ...]

    def to_json(self, *, compact: bool = False) -> dict:
        """Plain data; ``compact`` leaves out what the set version already holds."""
        if compact:
            # Spelled out: this runs once per subject of a bulk evaluation.
            rows = [
                {
                    "code": row.code,
                    "value": row.value,
                    "passed": row.passed,
                    "points_awarded": row.points_awarded,
                    "missing": row.missing,
                    "source": list(row.source),
                }
                for row in self.indicators
            ]
        else:
            rows = [
                {
                    **{key: getattr(row, key) for key in ROW_KEYS},
                    "source": list(row.source),
                }
                for row in self.indicators
            ]
        return {
            "passed": self.passed,
            "level": self.level,
            "points": self.points,
            "band": self.band,
            "set_code": self.set_code,
            "set_version": self.set_version,
            "indicators": rows,
        }

    @property
    def met(self) -> tuple[IndicatorResult, ...]:
        return tuple(row for row in self.indicators if row.passed)

    @property
    def missing(self) -> tuple[IndicatorResult, ...]:
        return tuple(row for row in self.indicators if not row.passed)


def _static(spec: IndicatorSpec) -> dict:
    return {
        "text": spec.text,
        "kind": spec.kind,
        "criterion": spec.criterion,
        "threshold": None if spec.threshold is None else float(spec.threshold),
        "required": spec.required,
        "level": spec.level,
        "points": None if spec.points is None else float(spec.points),
        "unconfirmed": spec.unconfirmed,
        "metric": spec.metric,
    }


def result_from_json(data: dict, spec: SetSpec | None = None) -> Result:
    """Rebuild a stored result; a compact one takes its static parts from ``spec``."""
    specs = {i.code: i for i in spec.indicators} if spec else {}
    rows = tuple(
        IndicatorResult(
            **{
                **(_static(specs[row["code"]]) if "text" not in row else {}),
                **row,
                "source": tuple(row["source"]),
            }
        )
        for row in data["indicators"]
    )
    return Result(**{**data, "indicators": rows})

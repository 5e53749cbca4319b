"""Frozen inputs and outputs of the engine.

Selectors build a ``SetSpec`` from a criteria set version and a ``Snapshot`` per
subject from data fetched once; the engine turns them into a ``Result``.
"""

from dataclasses import asdict, dataclass, field
from decimal import Decimal


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


@dataclass(frozen=True)
class IndicatorResult:
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


@dataclass(frozen=True)
class Result:
    passed: bool
    level: int
    points: float | None
    band: str
    set_code: str
    set_version: int
    indicators: tuple[IndicatorResult, ...]

    def to_json(self) -> dict:
        data = asdict(self)
        for row in data["indicators"]:
            row["source"] = list(row["source"])
        return data

    @property
    def met(self) -> tuple[IndicatorResult, ...]:
        return tuple(row for row in self.indicators if row.passed)

    @property
    def missing(self) -> tuple[IndicatorResult, ...]:
        return tuple(row for row in self.indicators if not row.passed)

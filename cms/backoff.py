"""Exponential back-off with a cap, for loops that retry after a failure."""

from dataclasses import dataclass


@dataclass
class Backoff:
    """Delays of first, 2×first, 4×first… never above cap, until reset."""

    first: float = 1.0
    cap: float = 60.0
    failures: int = 0

    def next_delay(self) -> float:
        delay = min(self.cap, self.first * 2**self.failures)
        self.failures += 1
        return delay

    def reset(self) -> None:
        self.failures = 0

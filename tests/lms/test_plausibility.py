"""Plausibility of claimed learning time, as pure rules over plain values."""

from datetime import UTC, datetime, timedelta

import pytest

from lms.services.plausibility import (
    Code,
    LearnerRecord,
    Limits,
    TimeClaim,
    check_time,
    credited_seconds,
)

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
LIMITS = Limits(
    daily_cap_seconds=6 * 3600,
    lesson_multiple=3,
    tolerance=timedelta(seconds=10),
    clock_skew=timedelta(minutes=5),
)


def record(**changes) -> LearnerRecord:
    values = {
        "now": NOW,
        "enrolled_at": NOW - timedelta(days=30),
        "previous_at": None,
        "next_starts_at": None,
        "lesson_seconds": 0,
        "lesson_length_seconds": 600,
        "day_seconds": 0,
    }
    return LearnerRecord(**{**values, **changes})


def claim(seconds=60, *, ago=0):
    return TimeClaim(seconds=seconds, at=NOW - timedelta(seconds=ago))


def code(result):
    return result.code if result else None


def test_plausible_claim_passes():
    assert check_time(claim=claim(), record=record(), limits=LIMITS) is None


@pytest.mark.parametrize(
    ("the_claim", "changes", "expected"),
    [
        # More seconds than have passed since the previous accepted time event.
        (
            claim(600),
            {"previous_at": NOW - timedelta(seconds=60)},
            Code.TOO_LONG_FOR_SPAN,
        ),
        # Within the tolerance is fine (a device rounds and carries remainders).
        (claim(65), {"previous_at": NOW - timedelta(seconds=60)}, None),
        # An older claim that would overlap time already credited after it.
        (
            claim(60, ago=3600),
            {"next_starts_at": NOW - timedelta(seconds=3630)},
            Code.OVERLAPS_LATER,
        ),
        (claim(60, ago=3600), {"next_starts_at": NOW - timedelta(seconds=3600)}, None),
        # Beyond 3 x the lesson's real length (600 s -> 1800 s).
        (claim(120), {"lesson_seconds": 1700}, Code.LESSON_LIMIT),
        (claim(100), {"lesson_seconds": 1700}, None),
        # The day's cap.
        (claim(120), {"day_seconds": 6 * 3600 - 60}, Code.DAILY_LIMIT),
        (claim(60), {"day_seconds": 6 * 3600 - 60}, None),
        # Before enrolling (a date in 1900 falls here too) and in the future.
        (claim(60, ago=40 * 86400), {}, Code.BEFORE_ENROLMENT),
        (
            claim(120),
            {"enrolled_at": NOW - timedelta(seconds=60)},
            Code.BEFORE_ENROLMENT,
        ),
        (claim(60, ago=-600), {}, Code.FUTURE),
        (claim(60, ago=-240), {}, None),
    ],
)
def test_rules(the_claim, changes, expected):
    result = check_time(claim=the_claim, record=record(**changes), limits=LIMITS)
    assert code(result) == expected
    if result:
        assert result.reason


def test_a_date_in_1900_is_before_enrolment():
    old = TimeClaim(seconds=60, at=datetime(1900, 1, 1, tzinfo=UTC))
    assert code(check_time(claim=old, record=record(), limits=LIMITS)) == (
        Code.BEFORE_ENROLMENT
    )


def test_an_overlap_forgiven_for_clocks_is_not_credited_twice():
    """Within the tolerance a claim is accepted, but the seconds it shares with
    its neighbours count once."""
    previous = NOW - timedelta(seconds=60)
    assert credited_seconds(claim=claim(60), record=record(previous_at=previous)) == 60
    assert credited_seconds(claim=claim(68), record=record(previous_at=previous)) == 60
    assert credited_seconds(claim=claim(10), record=record(previous_at=NOW)) == 0
    later = NOW - timedelta(seconds=5)
    assert credited_seconds(claim=claim(60), record=record(next_starts_at=later)) == 55

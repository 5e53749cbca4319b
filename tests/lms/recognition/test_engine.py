"""The engine is a pure function: each indicator kind, pass rules, explanations."""

import json
from decimal import Decimal

from lms.recognition.criteria import (
    DeclaredAnswer,
    IndicatorSpec,
    SetSpec,
    Snapshot,
    evaluate,
)
from lms.recognition.criteria.snapshot import result_from_json


def spec(*indicators, **kwargs):
    return SetSpec(
        id=None, code="t", version=1, name="Test", indicators=indicators, **kwargs
    )


HOURS = IndicatorSpec(
    code="1.1",
    text="Hours",
    kind="computed",
    metric="learning_hours",
    threshold=Decimal(20),
)
SHARE = IndicatorSpec(
    code="1.2",
    text="Adults",
    kind="rollup",
    metric="adults_citizen_share",
    threshold=Decimal(50),
)
PLAN = IndicatorSpec(code="1.3", text="Plan", kind="declared", evidence_required=True)


def test_computed_indicator_compares_the_metric_with_its_threshold():
    """A computed indicator passes at or above the threshold and names its source."""
    snapshot = Snapshot(
        metrics={"learning_hours": 20.0}, sources={"learning_hours": ("Course A",)}
    )
    row = evaluate(spec(HOURS), snapshot).indicators[0]
    assert row.passed and row.value == 20.0 and row.threshold == 20.0
    assert row.source == ("Course A",)
    below = evaluate(spec(HOURS), Snapshot(metrics={"learning_hours": 19.5}))
    assert not below.indicators[0].passed
    assert below.indicators[0].missing == "below threshold"


def test_rollup_indicator_reads_the_share_from_members():
    """A roll-up indicator passes on the members' share and lists the members."""
    snapshot = Snapshot(
        metrics={"adults_citizen_share": 66.67},
        sources={"adults_citizen_share": ("An", "Bình")},
    )
    result = evaluate(spec(SHARE), snapshot)
    assert result.passed
    assert result.indicators[0].source == ("An", "Bình")
    assert not evaluate(
        spec(SHARE), Snapshot(metrics={"adults_citizen_share": 40})
    ).passed


def test_declared_indicator_needs_an_answer_and_evidence_when_required():
    """A declared indicator counts only when answered yes, with evidence if asked."""
    assert not evaluate(spec(PLAN), Snapshot()).passed
    without = Snapshot(answers={"1.3": DeclaredAnswer(met=True)})
    row = evaluate(spec(PLAN), without).indicators[0]
    assert not row.passed and row.missing == "evidence missing"
    with_file = Snapshot(answers={"1.3": DeclaredAnswer(met=True, evidence=("a.pdf",))})
    assert evaluate(spec(PLAN), with_file).passed


def test_explanation_lists_every_indicator():
    """The result has one row per indicator of the set, met or not."""
    result = evaluate(spec(HOURS, SHARE, PLAN), Snapshot())
    assert [row.code for row in result.indicators] == ["1.1", "1.2", "1.3"]
    assert [row["code"] for row in result.to_json()["indicators"]] == [
        "1.1",
        "1.2",
        "1.3",
    ]
    assert len(result.missing) == 3 and not result.passed


def test_stored_explanations_rebuild_the_same_result():
    """The compact form stored per subject, completed from the set, is lossless."""
    criteria = spec(HOURS, SHARE, PLAN)
    result = evaluate(
        criteria,
        Snapshot(
            metrics={"learning_hours": 25.0, "adults_citizen_share": 40.0},
            sources={"learning_hours": ("Course A",)},
            answers={"1.3": DeclaredAnswer(met=True, evidence=("a.pdf",))},
        ),
    )
    for compact in (True, False):
        stored = json.loads(json.dumps(result.to_json(compact=compact)))
        assert result_from_json(stored, criteria) == result


def test_optional_indicator_does_not_block_level_one():
    optional = IndicatorSpec(
        code="2", text="Cert", kind="computed", metric="certificates", required=False
    )
    result = evaluate(spec(HOURS, optional), Snapshot(metrics={"learning_hours": 30}))
    assert result.passed and result.level == 1


def test_level_two_needs_the_level_two_indicators():
    higher = IndicatorSpec(
        code="2.1",
        text="More",
        kind="computed",
        metric="learning_hours",
        threshold=Decimal(40),
        level=2,
    )
    assert (
        evaluate(spec(HOURS, higher), Snapshot(metrics={"learning_hours": 30})).level
        == 1
    )
    assert (
        evaluate(spec(HOURS, higher), Snapshot(metrics={"learning_hours": 45})).level
        == 2
    )


def test_points_and_bands():
    """A pass-mark set adds the points of met indicators and places a band."""
    a = IndicatorSpec(code="a", text="A", kind="declared", points=Decimal(60))
    b = IndicatorSpec(code="b", text="B", kind="declared", points=Decimal(40))
    criteria = spec(
        a,
        b,
        pass_points=Decimal(50),
        bands=(("Tốt", Decimal(85)), ("Khá", Decimal(70)), ("Trung bình", Decimal(50))),
    )
    one = evaluate(criteria, Snapshot(answers={"a": DeclaredAnswer(met=True)}))
    assert one.passed and one.points == 60 and one.band == "Trung bình"
    both = evaluate(
        criteria,
        Snapshot(
            answers={"a": DeclaredAnswer(met=True), "b": DeclaredAnswer(met=True)}
        ),
    )
    assert both.points == 100 and both.band == "Tốt"
    assert not evaluate(criteria, Snapshot()).passed

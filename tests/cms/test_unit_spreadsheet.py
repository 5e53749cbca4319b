"""Text that could start a spreadsheet formula is written as text."""

import pytest

from cms.spreadsheet import holds_formula, neutralise


@pytest.mark.parametrize(
    "text", ["=1+1", "+84912", "-5 bài", "@SUM(A1)", "\tTab", "\r=1", "=HYPERLINK()"]
)
def test_formula_starts_get_a_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Trồng lúa", "", "5-a", -5, 2.5, None, 0])
def test_other_values_are_unchanged(value):
    assert neutralise(value) == value


def test_only_an_equals_sign_makes_a_manifest_cell_a_formula():
    assert holds_formula("=A1") and holds_formula("  =A1")
    assert not holds_formula("- một bài học") and not holds_formula("@tacgia")

import pytest

from cms.text import fold


@pytest.mark.parametrize(
    "raw",
    ["nông nghiệp", "NÔNG NGHIỆP", "Nông-nghiệp!", "nong nghiep", "  Nông   nghiệp "],
)
def test_fold_ignores_accents_case_and_punctuation(raw):
    assert fold(raw) == "nong nghiep"


def test_fold_turns_d_with_stroke_into_d():
    """Unicode decomposition leaves đ alone; fold must not."""
    assert fold("Đồng Tháp đất đai") == "dong thap dat dai"

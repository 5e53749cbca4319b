"""Residents read why a criterion is not met, in words and in the figure's unit."""

import pytest
from django.urls import reverse
from django.utils import translation

from lms.recognition.criteria.snapshot import IndicatorResult
from lms.recognition.reasons import missing_reason


def row(*, missing, value=None, threshold=None, metric="", passed=False):
    return IndicatorResult(
        "1.1", "Học đủ giờ", "computed", "1", value, threshold, (), passed, True, 1,
        None, None, False, missing, metric,
    )  # fmt: skip


def short(value, threshold, metric):
    return row(
        missing="below threshold", value=value, threshold=threshold, metric=metric
    )


@pytest.mark.parametrize(
    ("result", "resident", "officer"),
    [
        (
            short(8, 10, "learning_hours"),
            "Còn thiếu 2 giờ học",
            "Thiếu 2 giờ học so với ngưỡng",
        ),
        (
            short(8.75, 10, "online_hours"),
            "Còn thiếu 1,3 giờ học",
            "Thiếu 1,3 giờ học so với ngưỡng",
        ),
        (
            short(0, 2, "courses_completed"),
            "Còn thiếu 2 khoá học hoàn thành",
            "Thiếu 2 khoá học hoàn thành so với ngưỡng",
        ),
        (row(missing="evidence missing"), "Chưa có minh chứng", "Thiếu minh chứng"),
        (row(missing="not answered"), "Bạn chưa trả lời", "Chưa khai"),
        (
            row(missing="no data"),
            "Năm nay chưa có số liệu",
            "Không có số liệu trong năm",
        ),
    ],
)
def test_reason_in_the_figures_unit(result, resident, officer):
    with translation.override("vi"):
        assert missing_reason(result, for_subject=True) == resident
        assert missing_reason(result, for_subject=False) == officer


def test_met_row_has_no_reason():
    assert missing_reason(row(missing="", passed=True), for_subject=True) == ""


@pytest.mark.django_db
def test_checklist_tells_the_resident_what_is_missing(client, make_person):
    """Nobody learned yet: the hours criterion says how many hours are missing."""
    person = make_person("Lò Thị Hương")
    client.force_login(person)
    html = client.get(reverse("recognition:checklist")).content.decode()
    assert "Còn thiếu" in html and "giờ học" in html
    assert "Bạn chưa trả lời" in html
    for internal in ("below threshold", "not answered", "citizen-", "learning_hours"):
        assert internal not in html

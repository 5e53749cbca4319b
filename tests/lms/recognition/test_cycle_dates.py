"""The current cycle's dates, computed from today (lms.recognition.conf)."""

import datetime

import pytest

from lms.recognition.conf import cycle_dates, registration_cycle


def test_a_cycle_registers_by_31_march_and_hands_in_by_15_january_next_year():
    dates = cycle_dates(2026)
    assert dates.registration_deadline == datetime.date(2026, 3, 31)
    assert dates.dossier_deadline == datetime.date(2027, 1, 15)


@pytest.mark.parametrize(
    ("today", "year", "deadline"),
    [
        (datetime.date(2026, 1, 1), 2026, datetime.date(2026, 3, 31)),
        (datetime.date(2026, 3, 31), 2026, datetime.date(2026, 3, 31)),
        (datetime.date(2026, 4, 1), 2027, datetime.date(2027, 3, 31)),
        (datetime.date(2026, 12, 3), 2027, datetime.date(2027, 3, 31)),
        (datetime.date(2026, 12, 31), 2027, datetime.date(2027, 3, 31)),
    ],
)
def test_registration_opens_for_next_year_once_this_years_deadline_passed(
    today, year, deadline
):
    """On 3 December the deadline shown is next year's 31 March, not a past one."""
    cycle = registration_cycle(today=today)
    assert (cycle.year, cycle.registration_deadline) == (year, deadline)
    assert cycle.registration_deadline >= today


def test_deadlines_follow_the_setting(settings):
    settings.RECOGNITION = {"REGISTRATION_DEADLINE": (6, 30)}
    assert registration_cycle(today=datetime.date(2026, 6, 30)).year == 2026
    assert registration_cycle(today=datetime.date(2026, 7, 1)).year == 2027


def test_under_review_is_explained_once_for_all_or_marked_on_some():
    from lms.recognition.templatetags.recognition_tags import under_review

    assert under_review([{"unconfirmed": True}, {"unconfirmed": True}]) == "all"
    assert under_review([{"unconfirmed": True}, {"unconfirmed": False}]) == "some"
    assert under_review([{"unconfirmed": False}]) == ""
    assert under_review([]) == ""

"""Who may use the flow on which course, lesson and centre (lms/rules.py)."""

import pytest

from accounts.roles import Role
from cms.models import LessonPage

from .conftest import make_person


@pytest.fixture
def people(world, commune, other_commune):
    return {
        "staff_here": world["staff"],
        "officer_here": make_person("0915000001", commune, Role.COMMUNE_OFFICER),
        "staff_other": world["far_staff"],
        "province_officer": make_person("0915000002", commune, Role.PROVINCE_OFFICER),
        "resident": world["resident"],
    }


@pytest.fixture
def lesson(world):
    return world["course"].add_child(
        instance=LessonPage(title="Bài có sẵn", body=[("paragraph", "<p>x</p>")])
    )


# Centre staff and commune officers of the centre's commune, nobody else; a
# province officer edits pages but is not the centre's staff in this flow.
ALLOWED = {"staff_here", "officer_here"}


@pytest.mark.parametrize(
    "role",
    ["staff_here", "officer_here", "staff_other", "province_officer", "resident"],
)
def test_flow_rights_follow_place_and_page_rights(role, people, world, lesson):
    user = people[role]
    expected = role in ALLOWED
    assert user.has_perm("lms.add_lesson_to_course", world["course"]) is expected
    assert user.has_perm("lms.change_flow_lesson", lesson) is expected
    assert user.has_perm("lms.add_course_in_centre", world["centre"]) is expected
    assert user.has_perm("lms.use_lesson_flow") is (
        role in {"staff_here", "officer_here", "staff_other"}
    )


def test_far_staff_may_use_their_own_centres_course(people, world):
    assert people["staff_other"].has_perm(
        "lms.add_lesson_to_course", world["other_course"]
    )

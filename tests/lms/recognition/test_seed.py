"""The seed criteria sets exist after migrating, with unconfirmed items flagged."""

import pytest

from lms.recognition.criteria.seed import SEED_SETS, load_seed_sets
from lms.recognition.models import CriteriaSet, Criterion, Indicator

pytestmark = pytest.mark.django_db


def test_every_seed_set_is_loaded_once():
    assert CriteriaSet.objects.count() == len(SEED_SETS)
    assert load_seed_sets(CriteriaSet, Criterion, Indicator) == 0
    assert CriteriaSet.objects.count() == len(SEED_SETS)


def test_citizen_forms_have_three_groups_and_fifteen_criteria():
    forms = CriteriaSet.objects.filter(model="citizen")
    assert set(forms.values_list("scope", flat=True)) == {
        "official",
        "worker",
        "resident",
        "pupil",
    }
    for form in forms:
        assert form.criteria.count() == 3
        assert Indicator.objects.filter(criterion__criteria_set=form).count() == 15
        assert Indicator.objects.filter(
            criterion__criteria_set=form, unconfirmed=True
        ).exists()


def test_unit_sets_keep_the_legacy_hundred_points():
    legacy = CriteriaSet.objects.get(code="unit-tt22")
    assert legacy.status == "retired"
    total = sum(c.points for c in legacy.criteria.all())
    assert total == 100
    commune = CriteriaSet.objects.get(code="community-commune-tt25")
    assert Indicator.objects.filter(criterion__criteria_set=commune, level=2).exists()

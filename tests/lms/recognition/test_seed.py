"""The seed criteria sets exist after migrating, with unconfirmed items flagged."""

import pytest

from lms.recognition.criteria.seed import (
    SEED_SETS,
    add_commune_shares,
    load_seed_sets,
)
from lms.recognition.models import CriteriaSet, Criterion, Indicator
from lms.recognition.selectors import active_set

pytestmark = pytest.mark.django_db


def test_every_seed_set_is_loaded_once():
    """Version 1 of every seed set, and version 2 of the commune set."""
    assert CriteriaSet.objects.filter(version=1).count() == len(SEED_SETS)
    assert CriteriaSet.objects.count() == len(SEED_SETS) + 1
    assert load_seed_sets(CriteriaSet, Criterion, Indicator) == 0
    assert add_commune_shares(CriteriaSet, Criterion, Indicator) is False
    assert CriteriaSet.objects.count() == len(SEED_SETS) + 1


def test_commune_set_version_2_measures_clans_and_units_with_qd_387_targets():
    """TT 25 criterion 5 gains the clan (65 %) and unit (80 %) shares, unconfirmed,
    in a new version; version 1, which dossiers may use, is left as it was."""
    first, second = CriteriaSet.objects.filter(code="community-commune-tt25").order_by(
        "version"
    )
    assert (first.status, second.status) == ("retired", "active")
    assert second.previous == first
    assert active_set(model="commune", scope="commune", year=2026) == second
    added = {
        i.metric: i
        for i in Indicator.objects.filter(
            criterion__criteria_set=second, criterion__number="5"
        )
    }
    assert added["clans_clan_share"].threshold == 65
    assert added["units_unit_share"].threshold == 80
    for metric in ("clans_clan_share", "units_unit_share"):
        assert added[metric].kind == "rollup" and added[metric].unconfirmed
    assert not Indicator.objects.filter(
        criterion__criteria_set=first,
        metric__in=["clans_clan_share", "units_unit_share"],
    ).exists()
    assert (
        Indicator.objects.filter(criterion__criteria_set=second).count()
        == Indicator.objects.filter(criterion__criteria_set=first).count() + 2
    )


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
    commune = CriteriaSet.objects.get(code="community-commune-tt25", version=1)
    assert Indicator.objects.filter(criterion__criteria_set=commune, level=2).exists()

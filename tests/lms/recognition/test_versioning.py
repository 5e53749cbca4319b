"""A criteria set in use changes only by a new version; the past stays as it was."""

from decimal import Decimal

import pytest

from lms.recognition.criteria.snapshot import result_from_json
from lms.recognition.models import AuditEntry, CriteriaSet, Evaluation, Indicator
from lms.recognition.selectors import set_spec
from lms.recognition.services import versioning
from lms.recognition.services.evaluation import evaluate_commune

from .conftest import YEAR, register_and_answer

pytestmark = pytest.mark.django_db


def hours_indicator(criteria_set):
    return Indicator.objects.get(criterion__criteria_set=criteria_set, code="1.2")


def test_unused_set_is_edited_in_place():
    draft = versioning.new_version(
        criteria_set=CriteriaSet.objects.get(code="clan-2022")
    )
    indicator = Indicator.objects.get(criterion__criteria_set=draft, code="2.1")
    changed = versioning.edit_indicator(indicator=indicator, threshold=Decimal(60))
    assert changed.pk == indicator.pk
    assert CriteriaSet.objects.filter(code="clan-2022").count() == 2


def test_editing_a_set_in_use_creates_a_new_version(learner):
    dossier = register_and_answer(learner)
    used = dossier.criteria_set
    changed = versioning.edit_indicator(
        indicator=hours_indicator(used), threshold=Decimal(100)
    )
    assert changed.criterion.criteria_set.version == used.version + 1
    assert changed.criterion.criteria_set.previous == used
    assert hours_indicator(used).threshold == 20  # untouched
    again = versioning.edit_indicator(indicator=hours_indicator(used), points=1)
    assert again.criterion.criteria_set == changed.criterion.criteria_set
    assert AuditEntry.objects.filter(action="criteria_versioned").count() == 1
    with pytest.raises(versioning.CriteriaInUseError):
        versioning.ensure_editable(used)


def test_version_change_leaves_past_evaluations_unchanged(learner, commune):
    """Evaluations keep the version they were made with; new years use the new one."""
    dossier = register_and_answer(learner)
    evaluate_commune(commune=commune, year=YEAR, models=["citizen"])
    before = Evaluation.objects.get(model="citizen", subject_key=dossier.subject_key)
    assert before.passed and before.set_version == 1
    new = versioning.edit_indicator(
        indicator=hours_indicator(dossier.criteria_set), threshold=Decimal(100)
    ).criterion.criteria_set
    versioning.activate(criteria_set=new)
    evaluate_commune(commune=commune, year=YEAR, models=["citizen"])
    after = Evaluation.objects.get(model="citizen", subject_key=dossier.subject_key)
    assert after.passed and after.set_version == 1
    assert after.explanation == before.explanation
    evaluate_commune(commune=commune, year=YEAR + 1, models=["citizen"])
    next_year = Evaluation.objects.get(
        model="citizen", year=YEAR + 1, subject_key=dossier.subject_key
    )
    assert next_year.set_version == 2
    result = result_from_json(next_year.explanation, set_spec(next_year.criteria_set))
    hours = next(r for r in result.indicators if r.code == "1.2")
    assert hours.threshold == 100.0 and hours.text

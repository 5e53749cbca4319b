"""A decision refreshes the stored report figures of its year, once it commits."""

import pytest

from lms.recognition.constants import DossierStatus
from lms.recognition.services import cycle
from lms.reports.models import SummarisedYear, YearFact
from lms.reports.summaries import refresh_summaries

from .conftest import YEAR, recognise, register_and_answer

pytestmark = pytest.mark.django_db


def recognised_in_store() -> int:
    return sum(row.recognised for row in YearFact.objects.filter(year=YEAR))


def test_stored_figures_follow_a_recognition_and_a_revocation(
    learner, commune_officer, django_capture_on_commit_callbacks
):
    dossier = register_and_answer(learner)
    refresh_summaries(years=[YEAR])
    assert recognised_in_store() == 0

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        recognise(dossier, commune_officer)
    assert dossier.status == DossierStatus.RECOGNISED
    assert callbacks  # the refresh waits for the decision's commit
    assert recognised_in_store() == 1

    with django_capture_on_commit_callbacks(execute=True):
        cycle.revoke(dossier=dossier, officer=commune_officer, reason="Nhầm hồ sơ")
    assert recognised_in_store() == 0


def test_a_live_year_stays_live_after_a_decision(
    learner, commune_officer, django_capture_on_commit_callbacks
):
    dossier = register_and_answer(learner)
    with django_capture_on_commit_callbacks(execute=True):
        recognise(dossier, commune_officer)
    assert not SummarisedYear.objects.exists()

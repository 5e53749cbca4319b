"""A person recognised by a decision gets an xAPI statement (lms/xapi)."""

import pytest

from lms.xapi import statements
from lms.xapi.models import Statement
from tests.conftest import free_port

from .conftest import recognise, register_and_answer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def xapi_on(settings):
    settings.XAPI_LRS_URL = f"http://127.0.0.1:{free_port()}/xAPI"


def test_recognition_is_told_as_satisfied(learner, commune_officer):
    dossier = register_and_answer(learner)
    decision = recognise(dossier, commune_officer, number="15/QĐ-UBND")
    [row] = Statement.objects.filter(verb="satisfied")
    statement = row.data
    assert row.learner == learner
    assert statement["id"] == str(
        statements.statement_id("recognised", dossier.pk, decision.pk)
    )
    assert statement["verb"]["id"] == "https://w3id.org/xapi/adl/verbs/satisfied"
    assert statement["verb"]["display"]["vi-VN"] == "được công nhận"
    assert statement["object"]["definition"]["name"]["vi-VN"].endswith("2026")
    extensions = statement["context"]["extensions"]
    assert statements.extension("decision-number") in extensions
    assert "15/QĐ-UBND" in extensions.values()
    assert statement["result"] == {"success": True}
    assert statement["timestamp"].endswith("+07:00")


def test_revoked_recognition_takes_the_statement_back(learner, commune_officer):
    from lms.recognition.services import cycle

    dossier = register_and_answer(learner)
    recognise(dossier, commune_officer)
    Statement.objects.filter(verb="satisfied").update(status="sent")
    cycle.revoke(dossier=dossier, officer=commune_officer, reason="Khai sai.")
    [voiding] = Statement.objects.filter(verb="voided")
    [told] = Statement.objects.filter(verb="satisfied")
    assert voiding.data["object"] == {"objectType": "StatementRef", "id": str(told.pk)}
    assert voiding.learner == learner

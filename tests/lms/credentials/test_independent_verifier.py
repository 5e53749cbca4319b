"""An independent implementation (digitalbazaar's JavaScript libraries) verifies
the platform's credentials, refuses any change to them, and reads revocation."""

import copy

import pytest
from django.core.management import call_command

from lms.credentials.issuance import credential_for_certificate, credential_for_dossier
from lms.recognition.services import cycle
from lms.services.certificates import revoke_certificate

from . import verifier

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="session", autouse=True)
def node_verifier():
    verifier.install()


def check(client, credential):
    return verifier.verify(credential, verifier.served_documents(client, credential))


def test_course_credential_verifies_and_is_not_revoked(client, certificate):
    credential = credential_for_certificate(certificate).document
    result = check(client, credential)
    assert result == {"verified": True, "revoked": False, "error": None}


def test_title_credentials_verify(client, recognised, family_dossier):
    for dossier in (recognised, family_dossier):
        result = check(client, credential_for_dossier(dossier).document)
        assert result["verified"], result["error"]
        assert result["revoked"] is False


def _tampered(credential):
    """One change at a time to what the credential says."""
    changes = {
        "hours": lambda c: c["credentialSubject"]["result"][0].update(value="99.0"),
        "name": lambda c: c["credentialSubject"]["identifier"][0].update(
            identityHash="Nguyễn Văn Giả"
        ),
        "course": lambda c: c["credentialSubject"]["achievement"].update(
            name="Khoá học khác"
        ),
        "issuer": lambda c: c["issuer"].update(name="Trung tâm khác"),
        "date": lambda c: c.update(validFrom="2020-01-01T00:00:00+07:00"),
        "status index": lambda c: c["credentialStatus"].update(statusListIndex="7"),
        "added field": lambda c: c.update(description="Thêm vào sau khi ký"),
        "proof date": lambda c: c["proof"].update(created="2020-01-01T00:00:00Z"),
    }
    for label, change in changes.items():
        copied = copy.deepcopy(credential)
        change(copied)
        yield label, copied


def test_any_change_fails_verification(client, certificate):
    credential = credential_for_certificate(certificate).document
    documents = verifier.served_documents(client, credential)
    for label, tampered in _tampered(credential):
        result = verifier.verify(tampered, documents)
        assert result["verified"] is False, label


def test_revoked_certificate_reads_revoked(client, certificate, staff):
    credential = credential_for_certificate(certificate).document
    revoke_certificate(certificate=certificate, revoked_by=staff, reason="Gian lận")
    result = check(client, credential)
    # The signature still holds; the issuer's status list says it is revoked.
    assert result["revoked"] is True


def test_revoked_title_reads_revoked(client, recognised, commune_officer):
    credential = credential_for_dossier(recognised).document
    cycle.revoke(dossier=recognised, officer=commune_officer, reason="Khai sai")
    assert check(client, credential)["revoked"] is True


def test_credentials_signed_before_a_key_rotation_still_verify(client, certificate):
    credential = credential_for_certificate(certificate).document
    call_command("rotate_credential_key", stdout=open("/dev/null", "w"))  # noqa: SIM115
    result = check(client, credential)
    assert result["verified"], result["error"]


def test_changing_a_title_credential_fails_verification(client, recognised):
    credential = credential_for_dossier(recognised).document
    documents = verifier.served_documents(client, credential)
    changes = {
        "decision number": lambda c: c["credentialSubject"]["result"][0].update(
            value="99/QĐ-KH"
        ),
        "authority": lambda c: c["evidence"][0].update(
            description="Uỷ ban nhân dân tỉnh khác"
        ),
        "title": lambda c: c["credentialSubject"]["achievement"].update(
            name="Gia đình học tập 2026"
        ),
        "awarded date": lambda c: c.update(awardedDate="2025-12-20T00:00:00+07:00"),
    }
    for label, change in changes.items():
        tampered = copy.deepcopy(credential)
        change(tampered)
        assert verifier.verify(tampered, documents)["verified"] is False, label

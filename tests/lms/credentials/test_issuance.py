"""What the OpenBadgeCredentials say, and that each is issued once and kept."""

import pytest

from lms.credentials.document_loader import OB_V3, VC_V2
from lms.credentials.issuance import (
    NotIssuable,
    credential_for_certificate,
    credential_for_dossier,
)
from lms.credentials.models import IssuedCredential
from lms.services.certificates import revoke_certificate

pytestmark = pytest.mark.django_db


def test_course_credential_names_learner_course_centre_hours_and_status(certificate):
    document = credential_for_certificate(certificate).document
    assert document["@context"] == [VC_V2, OB_V3]
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["id"].endswith(f"/verify/{certificate.code}/credential.json")
    issuer = document["issuer"]
    assert (
        issuer["id"] == "did:web:hoctap.example.vn:openbadges:issuers:trung-tam-03037"
    )
    assert issuer["type"] == ["Profile"]
    assert issuer["name"] == "Trung tâm học tập cộng đồng xã Tả Van"
    subject = document["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == "Nguyễn Thị Hoa"
    achievement = subject["achievement"]
    assert achievement["name"] == "Trồng lúa nước an toàn"
    assert achievement["achievementType"] == "CertificateOfCompletion"
    assert (
        "Căn cứ pháp lý: Quyết định 09/2008/QĐ-BGDĐT"
        in (achievement["criteria"]["narrative"])
    )
    assert subject["result"][0]["value"] == "0.1"  # the certificate's measured hours
    assert (
        subject["result"][0]["resultDescription"]
        == (achievement["resultDescription"][0]["id"])
    )
    status = document["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry"
    assert status["statusPurpose"] == "revocation"
    assert status["statusListCredential"].endswith(
        "/openbadges/issuers/trung-tam-03037/status/1"
    )
    assert document["proof"]["cryptosuite"] == "eddsa-rdfc-2022"


def test_title_credential_carries_decision_number_date_and_authority(recognised):
    document = credential_for_dossier(recognised).document
    assert document["issuer"]["name"] == "Hội Khuyến học xã Tả Van"
    subject = document["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == "Giàng Thị Dung"
    achievement = subject["achievement"]
    assert achievement["name"] == "Công dân học tập 2026"
    assert achievement["achievementType"] == "Award"
    assert "Căn cứ pháp lý:" in achievement["criteria"]["narrative"]
    assert subject["result"][0]["value"] == "07/QĐ-KH"
    (evidence,) = document["evidence"]
    assert evidence["name"] == "Quyết định số 07/QĐ-KH ngày 20/12/2026"
    assert "Hội Khuyến học xã Tả Van" in evidence["description"]
    assert evidence["id"].endswith(f"/cong-nhan/xac-thuc/{recognised.public_code}/")
    assert document["awardedDate"].startswith("2026-12-20")


def test_issued_once_and_served_unchanged_after_a_rename(certificate):
    first = credential_for_certificate(certificate)
    course = certificate.course
    course.title = "Tên mới của khoá học"
    course.save()
    again = credential_for_certificate(certificate)
    assert again.pk == first.pk
    assert again.document == first.document
    assert IssuedCredential.objects.count() == 1


def test_each_credential_gets_its_own_status_bit(recognised, family_dossier):
    one = credential_for_dossier(recognised)
    two = credential_for_dossier(family_dossier)
    assert (one.issuer_id, one.status_index) != (two.issuer_id, two.status_index)


def test_no_credential_for_a_certificate_revoked_before_issue(certificate, staff):
    revoke_certificate(certificate=certificate, revoked_by=staff, reason="Gian lận")
    with pytest.raises(NotIssuable):
        credential_for_certificate(certificate)

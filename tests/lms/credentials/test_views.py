"""Downloads from "My learning" and the dossier page, verify pages, DID documents."""

import json
import re

import pytest
from django.test import Client

from lms.credentials.baking import KEYWORD, unbake
from lms.credentials.issuance import credential_for_certificate, credential_for_dossier
from lms.recognition.services import cycle
from lms.services.certificates import revoke_certificate

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_learner_downloads_json_and_baked_png(certificate, resident):
    client = logged_in(resident)
    page = client.get("/hoc-tap-cua-toi/").content.decode()
    json_url = f"/hoc-tap/chung-chi/{certificate.code}/open-badge.json"
    png_url = f"/hoc-tap/chung-chi/{certificate.code}/open-badge.png"
    assert json_url in page and png_url in page
    response = client.get(json_url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert "attachment" in response["Content-Disposition"]
    credential = json.loads(response.content)
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    png = client.get(png_url)
    assert png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG")
    assert KEYWORD.encode() + b"\x00\x00\x00" in png.content  # iTXt, uncompressed
    assert unbake(png.content) == credential


def test_another_resident_or_a_visitor_gets_nothing(certificate, other_resident):
    url = f"/hoc-tap/chung-chi/{certificate.code}/open-badge.json"
    assert logged_in(other_resident).get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to sign in


def test_person_downloads_title_badge_from_my_learning(recognised):
    client = logged_in(recognised.person)
    page = client.get("/hoc-tap-cua-toi/").content.decode()
    url = f"/ho-so-hoc-tap/{recognised.pk}/open-badge.png"
    assert "Danh hiệu được công nhận của tôi" in page and url in page
    response = client.get(url)
    assert response.status_code == 200
    assert unbake(response.content)["credentialSubject"]["result"][0]["value"] == (
        "07/QĐ-KH"
    )


def test_officer_downloads_a_family_badge_from_the_dossier_page(
    family_dossier, commune_officer, other_resident
):
    client = logged_in(commune_officer)
    page = client.get(f"/ho-so-hoc-tap/{family_dossier.pk}/").content.decode()
    url = f"/ho-so-hoc-tap/{family_dossier.pk}/open-badge.json"
    assert url in page
    response = client.get(url)
    assert response.status_code == 200
    subject = json.loads(response.content)["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == family_dossier.subject_name
    assert logged_in(other_resident).get(url).status_code == 404


def _alternate(html: str) -> str:
    match = re.search(
        r'<link rel="alternate" type="application/ld\+json" href="([^"]+)">', html
    )
    assert match, "no machine-readable alternate link"
    return match.group(1)


def test_certificate_verify_page_shows_fields_and_links_the_credential(
    certificate, resident, staff
):
    html = Client().get(f"/verify/{certificate.code}/").content.decode()
    assert f"<dd data-learner>{resident.full_name}</dd>" in html
    assert "Hoàn thành khoá học “Trồng lúa nước an toàn”" in html
    assert "<dd data-issuer>Trung tâm học tập cộng đồng xã Tả Van</dd>" in html
    assert "<dd data-hours>0,1</dd>" in html
    assert re.search(r"<dd data-issued>\d\d/\d\d/\d{4}</dd>", html)
    assert 'data-status="valid"' in html
    assert "<dd data-status-text>Còn hiệu lực</dd>" in html
    url = _alternate(html)
    assert url == f"https://hoctap.example.vn/verify/{certificate.code}/credential.json"
    assert f'href="{url}"' in html.split("</head>")[1]  # also a visible link
    public = Client().get(f"/verify/{certificate.code}/credential.json")
    assert public.status_code == 200
    assert public["Access-Control-Allow-Origin"] == "*"
    assert json.loads(public.content)["id"] == url
    credential_for_certificate(certificate)
    revoke_certificate(certificate=certificate, revoked_by=staff, reason="Gian lận")
    html = Client().get(f"/verify/{certificate.code}/").content.decode()
    assert 'data-status="revoked"' in html
    assert "<dd data-status-text>Đã thu hồi</dd>" in html


def test_recognition_verify_page_shows_decision_authority_and_status(
    recognised, commune_officer
):
    url = f"/cong-nhan/xac-thuc/{recognised.public_code}/"
    html = Client().get(url).content.decode()
    assert "<dd data-subject>Giàng Thị Dung</dd>" in html
    assert "<dd data-achievement>Công dân học tập 2026</dd>" in html
    assert "<dd data-authority>Hội Khuyến học xã Tả Van</dd>" in html
    assert "<dd data-decision>07/QĐ-KH</dd>" in html
    assert "<dd data-date>20/12/2026</dd>" in html
    assert 'data-status="valid"' in html
    json_url = _alternate(html)
    assert json_url.endswith(f"{url}credential.json")
    credential = json.loads(Client().get(f"{url}credential.json").content)
    assert credential["credentialSubject"]["result"][0]["value"] == "07/QĐ-KH"
    credential_for_dossier(recognised)
    cycle.revoke(dossier=recognised, officer=commune_officer, reason="Khai sai")
    html = Client().get(url).content.decode()
    assert 'data-status="revoked"' in html
    assert "<dd data-status-text>Đã thu hồi</dd>" in html


def test_did_documents_publish_multikeys(certificate):
    credential_for_certificate(certificate)
    for path in (
        "/.well-known/did.json",
        "/openbadges/issuers/trung-tam-03037/did.json",
    ):
        response = Client().get(path)
        assert response.status_code == 200
        document = json.loads(response.content)
        (method,) = document["verificationMethod"]
        assert method["type"] == "Multikey"
        assert method["publicKeyMultibase"].startswith("z6Mk")
        assert document["assertionMethod"] == [method["id"]]
        assert "private" not in response.content.decode().lower()
    assert json.loads(Client().get("/.well-known/did.json").content)["id"] == (
        "did:web:hoctap.example.vn"
    )


def test_verify_pages_query_count_is_fixed(
    certificate, recognised, django_assert_max_num_queries
):
    credential_for_certificate(certificate)
    credential_for_dossier(recognised)
    client = Client()
    with django_assert_max_num_queries(8):
        assert client.get(f"/verify/{certificate.code}/").status_code == 200
    with django_assert_max_num_queries(8):
        url = f"/cong-nhan/xac-thuc/{recognised.public_code}/"
        assert client.get(url).status_code == 200


def test_the_data_export_holds_the_persons_credentials_and_language(
    certificate, resident, other_resident
):
    """A copy of one's data includes the credentials issued to one, as issued,
    and the content language one chose; nobody else's."""
    from lms.services.privacy import export_data

    credential = credential_for_certificate(certificate)
    resident.content_language = "hmn"
    resident.save(update_fields=["content_language"])
    exported = json.loads(json.dumps(export_data(user=resident)))
    assert exported["open_badges"] == [json.loads(json.dumps(credential.document))]
    assert exported["profile"]["content_language"] == "hmn"
    assert export_data(user=other_resident)["open_badges"] == []

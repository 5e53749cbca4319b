"""Bitstring Status List: encoding, revocation bits, the signed list credential."""

import json

import pytest

from lms.credentials import proofs, status_list
from lms.credentials.issuance import credential_for_certificate, credential_for_dossier
from lms.credentials.keys import public_key_from_multibase
from lms.credentials.models import IssuedCredential
from lms.recognition.services import cycle
from lms.services.certificates import revoke_certificate
from lms.services.privacy import anonymise

pytestmark = pytest.mark.django_db


def test_encoding_is_gzip_base64url_multibase_of_at_least_16kb():
    bits = bytearray(status_list.LIST_BITS // 8)
    bits[0] = 0x80  # index 0 is the left-most bit
    encoded = status_list.encode(bits)
    assert encoded.startswith("u") and "=" not in encoded and "+" not in encoded
    decoded = status_list.decode(encoded)
    assert len(decoded) * 8 >= 131_072
    assert status_list.bit_is_set(decoded, 0)
    assert not status_list.bit_is_set(decoded, 1)


def _served_bit(client, credential: IssuedCredential) -> bool:
    entry = status_list.entry(credential.issuer, credential.status_index)
    response = client.get(entry["statusListCredential"].split("example.vn")[1])
    assert response.status_code == 200
    document = json.loads(response.content)
    bits = status_list.decode(document["credentialSubject"]["encodedList"])
    return status_list.bit_is_set(bits, int(entry["statusListIndex"]))


def test_revoking_a_certificate_sets_its_bit(client, certificate, staff):
    credential = credential_for_certificate(certificate)
    assert not _served_bit(client, credential)
    revoke_certificate(certificate=certificate, revoked_by=staff, reason="Gian lận")
    assert _served_bit(client, credential)
    assert status_list.is_revoked(credential)


def test_revoking_a_recognition_sets_its_bit_only(
    client, recognised, family_dossier, commune_officer
):
    title = credential_for_dossier(recognised)
    family = credential_for_dossier(family_dossier)
    cycle.revoke(dossier=recognised, officer=commune_officer, reason="Khai sai")
    assert _served_bit(client, title)
    assert not _served_bit(client, family)


def test_the_list_is_signed_again_only_when_its_bits_change(
    certificate, staff, monkeypatch
):
    """Anyone may fetch a list: its signature is reused while nothing is revoked,
    and a revocation shows on the very next fetch."""
    credential = credential_for_certificate(certificate)
    signings = []
    real_sign = proofs.sign

    def counting_sign(*args, **kwargs):
        signings.append(1)
        return real_sign(*args, **kwargs)

    monkeypatch.setattr(proofs, "sign", counting_sign)
    number = credential.status_index // status_list.LIST_BITS + 1
    first = status_list.status_list_credential(credential.issuer, number)
    assert status_list.status_list_credential(credential.issuer, number) == first
    assert len(signings) == 1
    revoke_certificate(certificate=certificate, revoked_by=staff, reason="Gian lận")
    after = status_list.status_list_credential(credential.issuer, number)
    assert len(signings) == 2
    bits = status_list.decode(after["credentialSubject"]["encodedList"])
    entry = status_list.entry(credential.issuer, credential.status_index)
    assert status_list.bit_is_set(bits, int(entry["statusListIndex"]))


def test_status_list_credential_is_signed_by_its_issuer(client, certificate):
    credential = credential_for_certificate(certificate)
    url = credential.document["credentialStatus"]["statusListCredential"]
    document = json.loads(client.get(url.split("example.vn")[1]).content)
    assert document["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert document["issuer"] == credential.document["issuer"]["id"]
    method = document["proof"]["verificationMethod"]
    did = json.loads(client.get("/openbadges/issuers/trung-tam-03037/did.json").content)
    (key,) = [m for m in did["verificationMethod"] if m["id"] == method]
    assert proofs.verify(
        document, public_key=public_key_from_multibase(key["publicKeyMultibase"])
    )


def test_lists_beyond_those_allocated_are_not_found(client, certificate):
    credential_for_certificate(certificate)
    assert client.get("/openbadges/issuers/trung-tam-03037/status/2").status_code == 404
    assert client.get("/openbadges/issuers/khong-co/status/1").status_code == 404


def test_erasing_personal_data_withdraws_the_credential(client, certificate, resident):
    credential = credential_for_certificate(certificate)
    anonymise(user=resident)
    credential.refresh_from_db()
    assert credential.erased_at is not None and credential.document == {}
    assert _served_bit(client, credential)
    assert client.get(f"/verify/{certificate.code}/credential.json").status_code == 404


def test_verify_page_of_an_erased_holder_links_no_credential(
    client, certificate, resident
):
    anonymise(user=resident)
    html = client.get(f"/verify/{certificate.code}/").content.decode()
    assert 'data-status="erased"' in html
    assert "credential.json" not in html


def test_no_credential_is_minted_for_a_title_after_its_person_erased_their_data(
    client, recognised
):
    """Erasure withdraws credentials already issued; one never asked for before
    must not be signed afterwards from the public endpoint."""
    anonymise(user=recognised.person)
    url = f"/cong-nhan/xac-thuc/{recognised.public_code}/credential.json"
    assert client.get(url).status_code == 404
    assert not IssuedCredential.objects.filter(dossier=recognised).exists()

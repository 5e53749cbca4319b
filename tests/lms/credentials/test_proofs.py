"""eddsa-rdfc-2022 proofs with an offline JSON-LD loader."""

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyld.jsonld import JsonLdError

from lms.credentials import proofs
from lms.credentials.document_loader import OB_V3, VC_V2, load_document

DOCUMENT = {
    "@context": [VC_V2, OB_V3],
    "id": "https://hoctap.example.vn/verify/ABC/credential.json",
    "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "issuer": {"id": "did:web:hoctap.example.vn", "type": ["Profile"], "name": "Xã"},
    "validFrom": "2026-12-01T08:00:00+07:00",
    "credentialSubject": {"type": ["AchievementSubject"], "creditsEarned": 2.5},
}


def test_signed_document_verifies_and_any_change_breaks_it():
    key = Ed25519PrivateKey.generate()
    signed = proofs.sign(DOCUMENT, private_key=key, verification_method="did:x#k")
    assert signed["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert signed["proof"]["proofValue"].startswith("z")
    assert proofs.verify(signed, public_key=key.public_key())
    changed = {**signed, "validFrom": "2026-12-02T08:00:00+07:00"}
    assert not proofs.verify(changed, public_key=key.public_key())
    other = Ed25519PrivateKey.generate().public_key()
    assert not proofs.verify(signed, public_key=other)


def test_key_order_does_not_matter_canonical_form_does():
    """RDFC canonicalisation: the same graph written differently hashes the same."""
    reordered = dict(reversed(list(DOCUMENT.items())))
    assert proofs.canonical_hash(reordered) == proofs.canonical_hash(DOCUMENT)


def test_loader_never_fetches_unbundled_contexts():
    with pytest.raises(JsonLdError):
        load_document("https://example.org/unknown-context.jsonld")
    document = {**DOCUMENT, "@context": [VC_V2, "https://example.org/other.jsonld"]}
    with pytest.raises(JsonLdError):
        proofs.canonical_hash(document)

"""Data Integrity proofs, cryptosuite eddsa-rdfc-2022 (W3C VC Data Integrity EdDSA).

Canonicalisation is pyld's URDNA2015 (the algorithm RDFC-1.0 standardised) over
the offline loader; the signature is Ed25519 from ``cryptography``; the proof value
is multibase base58btc. The steps follow the specification: hash the canonical
proof configuration and the canonical document with SHA-256, sign both hashes.
"""

import copy
import hashlib

import base58
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from django.utils import timezone
from pyld import jsonld

from lms.credentials.document_loader import load_document

CRYPTOSUITE = "eddsa-rdfc-2022"


def canonical_hash(document: dict) -> bytes:
    nquads = jsonld.normalize(
        document,
        {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": load_document,
        },
    )
    return hashlib.sha256(nquads.encode("utf-8")).digest()


def _hash_data(document: dict, proof_config: dict) -> bytes:
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    config = {"@context": document["@context"], **proof_config}
    config.pop("proofValue", None)
    return canonical_hash(config) + canonical_hash(unsecured)


def sign(
    document: dict,
    *,
    private_key: Ed25519PrivateKey,
    verification_method: str,
    created=None,
) -> dict:
    """A copy of ``document`` with an assertionMethod proof added."""
    created = (created or timezone.now()).replace(microsecond=0)
    proof = {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    }
    signature = private_key.sign(_hash_data(document, proof))
    signed = copy.deepcopy(document)
    signed["proof"] = {
        **proof,
        "proofValue": "z" + base58.b58encode(signature).decode(),
    }
    return signed


def verify(document: dict, *, public_key: Ed25519PublicKey) -> bool:
    """Whether the document's eddsa-rdfc-2022 proof holds for ``public_key``."""
    proof = document.get("proof") or {}
    value = proof.get("proofValue", "")
    if proof.get("cryptosuite") != CRYPTOSUITE or not value.startswith("z"):
        return False
    try:
        public_key.verify(base58.b58decode(value[1:]), _hash_data(document, proof))
    except (InvalidSignature, ValueError):
        return False
    return True

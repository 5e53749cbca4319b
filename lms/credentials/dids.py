"""did:web identifiers of the platform and its issuers, and their DID documents.

``did:web:<host>`` resolves to ``/.well-known/did.json``; an issuer's
``did:web:<host>:openbadges:issuers:<slug>`` to ``/openbadges/issuers/<slug>/did.json``.
Every signing key ever made is listed, retired ones too, so credentials signed
before a rotation still verify.
"""

from urllib.parse import quote, urlsplit

from django.conf import settings

from lms.credentials.models import Issuer, SigningKey

DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]


def base_url() -> str:
    """The public address credentials name (stable: it is inside signed documents)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def platform_did() -> str:
    # did:web percent-encodes the port's colon.
    return "did:web:" + quote(urlsplit(base_url()).netloc, safe="")


def issuer_did(issuer: Issuer) -> str:
    return f"{platform_did()}:openbadges:issuers:{issuer.slug}"


def verification_method_id(did: str, key: SigningKey) -> str:
    return f"{did}#{key.key_id}"


def did_document(did: str) -> dict:
    keys = list(SigningKey.objects.order_by("pk"))
    methods = [
        {
            "id": verification_method_id(did, key),
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": key.public_key_multibase,
        }
        for key in keys
    ]
    ids = [method["id"] for method in methods]
    return {
        "@context": DID_CONTEXTS,
        "id": did,
        "verificationMethod": methods,
        # Only assertions: these keys sign credentials and nothing else.
        "assertionMethod": ids,
    }

"""Bitstring Status List (W3C): one revocation list per issuer, signed on request.

Each credential holds one bit at its ``status_index``; the bit is set when the
certificate or recognition it stands for is revoked, or the holder erased their
data. The bits are read from those rows every time, so revoking through the
existing flows flips the bit with nothing else to keep in step.
"""

import base64
import gzip
import hashlib

from django.core.cache import cache
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from lms.credentials import keys, proofs
from lms.credentials.dids import base_url, issuer_did, verification_method_id
from lms.credentials.document_loader import VC_V2
from lms.credentials.models import IssuedCredential, Issuer
from lms.recognition.constants import DossierStatus

# The specification's minimum (16 KB), so one bit says nothing about who it is.
LIST_BITS = 131_072


def list_url(issuer: Issuer, number: int) -> str:
    path = reverse("credentials:status-list", args=[issuer.slug, number])
    return base_url() + path


def entry(issuer: Issuer, index: int) -> dict:
    """The ``credentialStatus`` of the credential holding bit ``index``."""
    number, position = divmod(index, LIST_BITS)
    url = list_url(issuer, number + 1)
    return {
        "id": f"{url}#{position}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(position),
        "statusListCredential": url,
    }


def encode(bits: bytearray) -> str:
    """Multibase base64url (no padding) of the GZIP-compressed bitstring."""
    packed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def decode(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise ValueError("encodedList must be multibase base64url.")
    data = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))


def bit_is_set(bits: bytes, position: int) -> bool:
    # Index 0 is the left-most (most significant) bit of the first byte.
    return bool(bits[position // 8] & (0x80 >> (position % 8)))


def revoked_filter() -> Q:
    return (
        Q(erased_at__isnull=False)
        | Q(certificate__revoked_at__isnull=False)
        | Q(dossier__status=DossierStatus.REVOKED)
    )


def revoked_positions(issuer: Issuer, number: int) -> list[int]:
    start = (number - 1) * LIST_BITS
    indexes = IssuedCredential.objects.filter(
        revoked_filter(),
        issuer=issuer,
        status_index__gte=start,
        status_index__lt=start + LIST_BITS,
    ).values_list("status_index", flat=True)
    return [index - start for index in indexes]


def bitstring(issuer: Issuer, number: int) -> bytearray:
    bits = bytearray(LIST_BITS // 8)
    for position in revoked_positions(issuer, number):
        bits[position // 8] |= 0x80 >> (position % 8)
    return bits


# A signed list is kept while its bits and the signing key stay the same: anyone
# may ask for it, and signing costs milliseconds of CPU each time.
SIGNED_LIST_SECONDS = 600


def status_list_credential(issuer: Issuer, number: int) -> dict:
    """The signed BitstringStatusListCredential for list ``number`` of ``issuer``.

    The bits are read every time (a revocation shows at once); the signature is
    reused from the cache while they and the key are unchanged.
    """
    bits = bitstring(issuer, number)
    key = keys.active_key()
    cache_key = (
        f"status-list:{issuer.pk}:{number}:{key.pk}:{hashlib.sha256(bits).hexdigest()}"
    )
    signed = cache.get(cache_key)
    if signed is None:
        signed = _signed_list(issuer, number, bits, key)
        cache.set(cache_key, signed, SIGNED_LIST_SECONDS)
    return signed


def _signed_list(issuer: Issuer, number: int, bits: bytearray, key) -> dict:
    url = list_url(issuer, number)
    did = issuer_did(issuer)
    now = timezone.now().replace(microsecond=0)
    unsigned = {
        "@context": [VC_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": did,
        "validFrom": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode(bits),
        },
    }
    return proofs.sign(
        unsigned,
        private_key=keys.private_key(key),
        verification_method=verification_method_id(did, key),
        created=now,
    )


def is_revoked(credential: IssuedCredential) -> bool:
    """Read the credential's bit back from its issuer's list, as a verifier would."""
    number, position = divmod(credential.status_index, LIST_BITS)
    return bit_is_set(bitstring(credential.issuer, number + 1), position)

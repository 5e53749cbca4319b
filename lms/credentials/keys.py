"""The platform's Ed25519 signing keys: made on first use, kept encrypted, rotatable.

The private key is stored only as a Fernet token under a key-encryption key derived
from ``CREDENTIAL_KEY_SECRET`` (an environment variable) or, on the embedded
default, from a secret generated once into a 0600 file. It never leaves this
module except as a ``cryptography`` key object used to sign.
"""

import base64
import secrets

import base58
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from config.local_secrets import local_secret
from lms.credentials.models import SigningKey

# Multicodec prefix of an Ed25519 public key (0xed, varint-encoded), as Multikey wants.
ED25519_PUB_PREFIX = b"\xed\x01"


def _fernet() -> Fernet:
    secret = settings.CREDENTIAL_KEY_SECRET or local_secret(
        settings.CREDENTIAL_KEY_SECRET_FILE, nbytes=32
    )
    derived = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=b"tthtcd credential signing keys",
    ).derive(secret.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def public_key_multibase(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(
        encoding=serialization.Encoding.Raw, format=serialization.PublicFormat.Raw
    )
    return "z" + base58.b58encode(ED25519_PUB_PREFIX + raw).decode()


def public_key_from_multibase(value: str) -> Ed25519PublicKey:
    decoded = base58.b58decode(value.removeprefix("z"))
    if not value.startswith("z") or decoded[:2] != ED25519_PUB_PREFIX:
        raise ValueError("Not a base58btc Ed25519 Multikey.")
    return Ed25519PublicKey.from_public_bytes(decoded[2:])


def create_key() -> SigningKey:
    """A new key pair; its private half stored encrypted only."""
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    )
    return SigningKey.objects.create(
        key_id=f"key-{secrets.token_hex(4)}",
        public_key_multibase=public_key_multibase(private.public_key()),
        private_key_encrypted=_fernet().encrypt(pem).decode(),
    )


def active_key() -> SigningKey:
    """The key that signs now, made on first use."""
    key = SigningKey.objects.filter(retired_at__isnull=True).order_by("-pk").first()
    return key or create_key()


def private_key(key: SigningKey) -> Ed25519PrivateKey:
    pem = _fernet().decrypt(key.private_key_encrypted.encode())
    return serialization.load_pem_private_key(pem, password=None)


@transaction.atomic
def rotate_key() -> SigningKey:
    """Retire the signing key(s) and make a new one; retired keys stay published."""
    SigningKey.objects.filter(retired_at__isnull=True).update(retired_at=timezone.now())
    return create_key()

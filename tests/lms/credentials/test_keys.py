"""Signing keys: made on first use, encrypted at rest, rotatable, published."""

import io
import stat

import pytest
from cryptography.fernet import InvalidToken
from django.core.management import call_command

from lms.credentials import keys
from lms.credentials.dids import did_document, platform_did
from lms.credentials.models import SigningKey

pytestmark = pytest.mark.django_db


def test_key_made_on_first_use_and_kept():
    assert not SigningKey.objects.exists()
    key = keys.active_key()
    assert keys.active_key() == key
    assert key.public_key_multibase.startswith("z6Mk")  # Ed25519 Multikey


def test_private_key_is_stored_encrypted_only(settings):
    key = keys.active_key()
    stored = SigningKey.objects.values_list("private_key_encrypted", flat=True).get()
    assert "PRIVATE KEY" not in stored
    assert keys.private_key(key).public_key() is not None
    settings.CREDENTIAL_KEY_SECRET = "another secret"
    with pytest.raises(InvalidToken):
        keys.private_key(key)


def test_embedded_default_generates_its_secret_file_0600(settings, tmp_path):
    settings.CREDENTIAL_KEY_SECRET = ""
    settings.CREDENTIAL_KEY_SECRET_FILE = tmp_path / ".credential-key-secret"
    key = keys.active_key()
    path = settings.CREDENTIAL_KEY_SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    secret = path.read_text()
    assert keys.private_key(key) is not None
    assert path.read_text() == secret  # read again, not remade


def test_rotation_keeps_old_keys_published_and_prints_no_secret():
    old = keys.active_key()
    out = io.StringIO()
    call_command("rotate_credential_key", stdout=out)
    new = keys.active_key()
    old.refresh_from_db()
    assert new != old and old.retired_at is not None
    assert new.key_id in out.getvalue()
    assert "PRIVATE" not in out.getvalue()
    assert new.private_key_encrypted not in out.getvalue()
    document = did_document(platform_did())
    published = {m["publicKeyMultibase"] for m in document["verificationMethod"]}
    assert published == {old.public_key_multibase, new.public_key_multibase}
    assert len(document["assertionMethod"]) == 2

"""Retire the credential signing key and make a new one (old ones stay published)."""

from django.core.management.base import BaseCommand

from lms.credentials.keys import rotate_key


class Command(BaseCommand):
    help = (
        "Make a new Ed25519 signing key for Open Badges credentials; the retired "
        "keys stay in the DID documents so credentials signed with them still verify."
    )

    def handle(self, *args, **options):
        key = rotate_key()
        # The public half only: the private key never reaches a log or a terminal.
        self.stdout.write(f"New signing key {key.key_id}: {key.public_key_multibase}")

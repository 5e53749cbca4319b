"""Deploy check: at scale the key-encryption secret comes from the environment.

Without it each machine generates its own secret file, and a signing key one
machine encrypted cannot be read by the next: credentials stop being issued.
"""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def credential_secret_is_shared(app_configs, **kwargs):
    if settings.CREDENTIAL_KEY_SECRET:
        return []
    return [
        checks.Error(
            "CREDENTIAL_KEY_SECRET is not set.",
            hint=(
                "Set the same CREDENTIAL_KEY_SECRET on every web and worker machine; "
                "it encrypts the credential signing keys (see README, Credentials)."
            ),
            id="credentials.E001",
        )
    ]

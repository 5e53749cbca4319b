"""Erasing a person's data withdraws the credentials that name them.

``lms.services.privacy.anonymise`` saves the user last; the stored credential
documents (which carry the name) are blanked and their status bit set, so a copy
held elsewhere no longer verifies as valid.
"""

from django.db.models import Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from lms.credentials.models import IssuedCredential
from lms.models import User


@receiver(post_save, sender=User, dispatch_uid="credentials-erase-on-anonymise")
def erase_credentials(sender, instance, **kwargs):
    if not instance.personal_data_erased:
        return
    IssuedCredential.objects.filter(
        Q(certificate__learner=instance)
        | Q(dossier__person=instance)
        | Q(dossier__household__head=instance)
        | Q(dossier__clan__representative=instance)
        | Q(dossier__unit__head=instance),
        erased_at__isnull=True,
    ).update(document={}, erased_at=timezone.now())

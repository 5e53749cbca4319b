"""Erasing a person's data withdraws the credentials that name them.

``lms.services.privacy.anonymise`` saves the user last, after the household, clan
or unit they headed lost them as head: the erasure's audit entry on each dossier
that named them still says so. The stored credential documents (which carry the
name) are blanked and their status bit set, so a copy held elsewhere no longer
verifies as valid.
"""

from django.db.models import Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from lms.credentials.models import IssuedCredential
from lms.models import User
from lms.recognition.services.privacy import naming, naming_an_erased_person


@receiver(post_save, sender=User, dispatch_uid="credentials-erase-on-anonymise")
def erase_credentials(sender, instance, **kwargs):
    if not instance.personal_data_erased:
        return
    IssuedCredential.objects.filter(
        Q(certificate__learner=instance)
        | Q(dossier__in=naming(instance))
        # A household, clan or unit no longer names the head erased just before.
        | Q(dossier__in=naming_an_erased_person()),
        erased_at__isnull=True,
    ).update(document={}, erased_at=timezone.now())

"""Delete unfinished resumable uploads nobody has touched for a while."""

from django.core.management.base import BaseCommand
from django.db import transaction

from cms.resumable.service import expire_abandoned


class Command(BaseCommand):
    help = "Delete resumable uploads untouched for RESUMABLE_UPLOAD_EXPIRY_HOURS."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = expire_abandoned()
        self.stdout.write(f"{count} abandoned uploads deleted.")

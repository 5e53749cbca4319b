"""`manage.py backfill_media_sizes`: sizes of media made before sizes were kept."""

from django.core.management.base import BaseCommand

from cms.video.backfill import backfill_sizes


class Command(BaseCommand):
    help = "Record the sizes of older renditions and downloads (safe to run again)."

    def handle(self, *args, **options):
        changed = backfill_sizes()
        self.stdout.write(f"Sizes recorded for {changed} audio or video item(s).")

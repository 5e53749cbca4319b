"""Load the 34 provinces and 3,321 communes from the vietnam-provinces package."""

from django.core.management.base import BaseCommand

from cms.places_loader import load_administrative_units


class Command(BaseCommand):
    help = "Load or update provinces and communes (idempotent)."

    def handle(self, *args, **options):
        result = load_administrative_units()
        self.stdout.write(
            f"Provinces: {result.provinces} ({result.provinces_created} new), "
            f"communes: {result.communes} ({result.communes_created} new)."
        )

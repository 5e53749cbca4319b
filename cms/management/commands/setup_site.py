from django.core.management.base import BaseCommand

from cms.places_loader import load_administrative_units
from cms.roles import sync_role_groups
from cms.site_setup import ensure_home_page


class Command(BaseCommand):
    help = "Create the home page, the role groups and the administrative units."

    def handle(self, *args, **options):
        ensure_home_page()
        sync_role_groups()
        result = load_administrative_units()
        self.stdout.write(
            f"Site ready; {result.provinces} provinces, {result.communes} communes."
        )

from django.core.management.base import BaseCommand

from cms.course_tree import move_courses_under_centres
from cms.models import InstitutionLibraryPage
from cms.places_loader import load_administrative_units
from cms.review import ensure_institution_group
from cms.roles import sync_role_groups
from cms.site_setup import ensure_home_page


class Command(BaseCommand):
    help = (
        "Create the home page, the role and institution groups and the "
        "administrative units; safe to run again after an upgrade."
    )

    def handle(self, *args, **options):
        ensure_home_page()
        sync_role_groups()  # with the place groups of every centre and province
        move_courses_under_centres()
        for section in InstitutionLibraryPage.objects.select_related("institution"):
            ensure_institution_group(section)
        result = load_administrative_units()
        self.stdout.write(
            f"Site ready; {result.provinces} provinces, {result.communes} communes."
        )

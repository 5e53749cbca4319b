"""The page tree every installation starts from."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from cms.models import HomePage
from cms.translations import vietnamese_only


@transaction.atomic
def ensure_home_page() -> HomePage:
    """One live HomePage under the root, served by the default Site."""
    home = vietnamese_only(HomePage.objects.order_by("path")).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's migrations create a placeholder "Welcome" page at the slug we want.
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        home = root.add_child(
            instance=HomePage(title="Học tập cộng đồng", slug="home", live=True)
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
    return home

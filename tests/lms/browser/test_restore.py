"""After a browser test flushed the database, the shared reference data is back."""

from wagtail.models import Page

from accounts.roles import GROUP_NAMES
from cms.models import Commune, HomePage


def test_reference_data_present_after_live_server_tests(db):
    assert Commune.objects.filter(code="03037").exists()
    assert HomePage.objects.count() == 1
    assert Page.get_first_root_node() is not None
    from django.contrib.auth.models import Group

    assert Group.objects.filter(name__in=GROUP_NAMES.values()).count() == len(
        GROUP_NAMES
    )

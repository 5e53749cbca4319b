"""Reference data is managed as snippets, labelled in Vietnamese."""

import json

from django.contrib.auth import get_user_model
from django.urls import reverse

from cms.models import Institution, Licence, Subject, TargetGroup


def test_snippet_listings_and_menu(admin_client, licences, institutions, subjects):
    for model in (Subject, TargetGroup, Licence, Institution):
        url = reverse(f"wagtailsnippets_cms_{model._meta.model_name}:list")
        assert admin_client.get(url).status_code == 200
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    for label in ("Danh mục", "Chủ đề", "Giấy phép", "Trường / cơ sở đào tạo"):
        # The admin menu is rendered as JSON, with non-ASCII characters escaped.
        assert label in html or json.dumps(label)[1:-1] in html


def test_a_contributor_added_in_the_admin_gets_their_section(admin_client, sections):
    user = get_user_model().objects.create_user(phone="0911000009", password="x")
    url = reverse("wagtailsnippets_cms_contributorprofile:add")
    response = admin_client.post(
        url, {"user": user.pk, "institution": sections[1].institution.pk}
    )
    assert response.status_code == 302
    assert sections[1].permissions_for_user(user).can_add_subpage()
    assert not sections[0].permissions_for_user(user).can_add_subpage()

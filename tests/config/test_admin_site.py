"""`/django-admin/` opens for active superusers only (ROLES.md: admin only)."""

import pytest
from django.contrib.auth import get_user_model

from accounts.roles import Role, group_for


@pytest.fixture
def officer(db, commune):
    user = get_user_model().objects.create_user(
        phone="0912000999",
        password="mat-khau-1",
        full_name="Cán bộ xã",
        commune=commune,
        is_staff=True,
    )
    user.groups.add(group_for(Role.COMMUNE_OFFICER))
    return user


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        username="quantri", email="qt@example.vn", password="mat-khau-1"
    )


@pytest.mark.parametrize(
    "path", ["/django-admin/", "/django-admin/authtoken/tokenproxy/"]
)
def test_staff_officer_is_refused_in_vietnamese(client, officer, path):
    client.force_login(officer)
    response = client.get(path)
    assert response.status_code == 403
    assert "Bạn không thể mở trang này" in response.content.decode()


def test_staff_officer_is_refused_the_admin_login_too(client, officer):
    client.force_login(officer)
    assert client.get("/django-admin/login/").status_code == 403


def test_superuser_opens_the_django_admin(client, superuser):
    client.force_login(superuser)
    assert client.get("/django-admin/").status_code == 200
    assert client.get("/django-admin/authtoken/tokenproxy/").status_code == 200


def test_inactive_superuser_is_refused(client, superuser):
    superuser.is_active = False
    superuser.save()
    client.force_login(superuser)
    assert client.get("/django-admin/").status_code != 200


def test_anonymous_visitor_is_sent_to_the_login(client, db):
    response = client.get("/django-admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/django-admin/login/")

"""The operator reads the outbox in the Django admin; nobody edits it there."""

import pytest
from django.contrib.auth import get_user_model

from lms.xapi.models import Statement, StatementStatus

pytestmark = pytest.mark.django_db


def test_operator_sees_refused_statements(client, xapi_on, enrolled):
    Statement.objects.update(status=StatementStatus.REFUSED, last_error="HTTP 400: x")
    admin = get_user_model().objects.create_superuser(
        username="quantri", email="qt@example.vn", password="mat-khau-1"
    )
    client.force_login(admin)
    listing = client.get("/django-admin/xapi/statement/", {"status": "refused"})
    assert listing.status_code == 200
    assert str(Statement.objects.get().pk) in listing.content.decode()
    assert client.get("/django-admin/xapi/statement/add/").status_code == 403

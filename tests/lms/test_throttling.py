"""The learner API's rate limits: per learner, and per address without credentials."""

import pytest
from django.test import Client
from django.utils import translation
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def low_rates(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            "learner": "3/minute",
            "learner_anonymous": "2/minute",
        },
    }


def me(client, **extra):
    return client.get("/api/lms/me/", **extra)


def assert_throttled(response):
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    detail = response.json()["detail"]
    assert detail.startswith("Có quá nhiều yêu cầu. Vui lòng chờ ")
    assert detail.endswith(" giây rồi thử lại.")


def test_each_learner_has_their_own_allowance(resident, other_resident):
    client = Client()
    client.force_login(resident)
    assert [me(client).status_code for _ in range(3)] == [200, 200, 200]
    assert_throttled(me(client))
    # From another address too: the allowance is the learner's.
    assert_throttled(me(client, REMOTE_ADDR="10.0.4.2"))
    other = Client()
    other.force_login(other_resident)
    assert me(other).status_code == 200


def test_token_calls_count_for_the_learner(resident):
    auth = {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=resident).key}"}
    for _ in range(3):
        assert me(Client(), **auth).status_code == 200
    assert_throttled(me(Client(), **auth))


def test_anonymous_calls_and_wrong_tokens_are_limited_per_address(resident):
    """Refused anyway, but counted first: guessing tokens is slowed down too."""
    here, elsewhere = {"REMOTE_ADDR": "10.0.5.1"}, {"REMOTE_ADDR": "10.0.5.2"}
    assert me(Client(), **here).status_code == 403
    wrong = me(Client(), HTTP_AUTHORIZATION="Token 0123456789abcdef", **here)
    assert wrong.status_code == 403
    assert_throttled(me(Client(), **here))
    assert_throttled(me(Client(), HTTP_AUTHORIZATION="Token 0123", **here))
    assert me(Client(), **elsewhere).status_code == 403
    # A signed-in learner at that address is not affected.
    client = Client()
    client.force_login(resident)
    assert me(client, **here).status_code == 200


def test_english_when_chosen(resident, settings):
    client = Client()
    client.force_login(resident)
    for _ in range(3):
        me(client)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    # The request activates English in this thread; put the language back after.
    with translation.override(translation.get_language()):
        response = me(client)
    assert response.status_code == 429
    assert response.json()["detail"].startswith("Too many requests.")

"""The learner API's OpenAPI 3 description: served at a stable URL, valid, complete."""

import pytest
import yaml
from django.core.management import call_command
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db
SCHEMA_URL = "/api/lms/schema/"


@pytest.fixture
def spec(client):
    response = client.get(SCHEMA_URL, {"format": "json"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    return response.json()


def test_description_is_valid_openapi_3(spec):
    validate(spec)  # raises on any error
    assert spec["openapi"].startswith("3.")


def test_it_lists_the_learner_endpoints_and_nothing_else(spec):
    assert set(spec["paths"]) == {
        "/api/lms/enrolments/",
        "/api/lms/events/",
        "/api/lms/me/",
    }
    assert set(spec["paths"]["/api/lms/events/"]) == {"post"}
    assert set(spec["paths"]["/api/lms/me/"]) == {"get"}


def test_events_request_and_results_are_described(spec):
    operation = spec["paths"]["/api/lms/events/"]["post"]
    assert set(operation["requestBody"]["content"]) == {"application/json"}
    assert {"200", "400", "403", "413", "415", "429"} <= set(operation["responses"])
    schemas = spec["components"]["schemas"]
    event = schemas["Event"]["properties"]
    assert {"id", "type", "lesson", "at", "seconds", "media", "from", "to"} <= set(
        event
    )
    assert set(schemas["TypeEnum"]["enum"]) == {
        "lesson.time",
        "lesson.completed",
        "media.watched",
        "quiz.answered",
    }
    result = schemas["EventResultOut"]["properties"]
    assert {"id", "status", "reason", "code", "score", "passed"} <= set(result)


def test_both_ways_of_signing_in_are_described(spec):
    schemes = spec["components"]["securitySchemes"]
    assert schemes["tokenAuth"]["in"] == "header"
    assert schemes["cookieAuth"]["name"] == "sessionid"
    for path in spec["paths"].values():
        for operation in path.values():
            assert {"tokenAuth": []} in operation["security"]


def test_yaml_by_default(client):
    response = client.get(SCHEMA_URL)
    assert yaml.safe_load(response.content)["info"]["title"].endswith("learner API")


def test_generation_has_no_warnings(tmp_path):
    """Every view's shapes are declared: drf-spectacular guesses nothing."""
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    assert "/api/lms/me/" in out.read_text()

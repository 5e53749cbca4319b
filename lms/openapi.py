"""The learner API's OpenAPI 3 description (drf-spectacular) at /api/lms/schema/.

The views build their answers by hand, so the shapes they answer with are declared
here once, for the description only; docs/api.md explains the rules behind them.
"""

from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers

from lms.serializers import EventSerializer

LEARNER_API_PREFIX = "/api/lms/"


def learner_api_only(endpoints, **kwargs):
    """Preprocessing hook: describe the learner API, not the whole site."""
    return [e for e in endpoints if e[0].startswith(LEARNER_API_PREFIX)]


class EventBatchIn(serializers.Serializer):
    events = EventSerializer(many=True, max_length=500)


class EnrolmentOut(serializers.Serializer):
    id = serializers.IntegerField()
    course = serializers.IntegerField(help_text="The course page id.")
    enrolled_at = serializers.DateTimeField()
    percent = serializers.IntegerField(min_value=0, max_value=100)
    completed_at = serializers.DateTimeField(allow_null=True)


class EventResultOut(serializers.Serializer):
    id = serializers.CharField(help_text="The event's id as sent.")
    status = serializers.ChoiceField(choices=["accepted", "duplicate", "rejected"])
    reason = serializers.CharField(
        required=False, help_text="Why it was rejected, in the request's language."
    )
    code = serializers.CharField(
        required=False, help_text="Rejection code of the learning rules."
    )
    score = serializers.IntegerField(required=False, help_text="Quiz score (%).")
    passed = serializers.BooleanField(required=False)


class EventResultsOut(serializers.Serializer):
    results = EventResultOut(many=True)


class MeOut(serializers.Serializer):
    name = serializers.CharField()
    year = serializers.IntegerField()
    hours_this_year = serializers.FloatField()
    online_hours = serializers.FloatField()
    in_person_hours = serializers.FloatField()
    enrolments = inline_serializer(
        "MyEnrolment",
        {
            "course": serializers.IntegerField(),
            "title": serializers.CharField(),
            "url": serializers.CharField(),
            "percent": serializers.IntegerField(),
            "completed_at": serializers.DateTimeField(allow_null=True),
        },
        many=True,
    )
    certificates = inline_serializer(
        "MyCertificate",
        {
            "code": serializers.CharField(),
            "course": serializers.IntegerField(),
            "title": serializers.CharField(),
            "issued_at": serializers.DateTimeField(),
            "hours": serializers.FloatField(),
            "valid": serializers.BooleanField(),
        },
        many=True,
    )


class ErrorOut(serializers.Serializer):
    detail = serializers.CharField()


def error(description: str) -> OpenApiResponse:
    return OpenApiResponse(ErrorOut, description=description)


REFUSALS = {
    403: error("Not signed in, or still on a temporary password."),
    429: error("Too many calls; see the Retry-After header."),
}

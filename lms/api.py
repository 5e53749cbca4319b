"""The learner API: enrol, send progress events, read one's own learning.

Session authentication (with CSRF) serves the site's own script; token
authentication serves apps. Calls are rate limited (lms/throttling.py). See
docs/api.md.
"""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.exceptions import (
    APIException,
    ParseError,
    PermissionDenied,
    UnsupportedMediaType,
)
from rest_framework.parsers import JSONParser
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.models import CoursePage
from cms.page_access import viewable
from lms.middleware import MUST_CHANGE_PASSWORD
from lms.openapi import (
    REFUSALS,
    EnrolmentOut,
    EventBatchIn,
    EventResultsOut,
    MeOut,
    error,
)
from lms.selectors import my_learning
from lms.serializers import EnrolmentSerializer, EventBatchSerializer, first_error
from lms.services import enrolments
from lms.services.events import record_events
from lms.throttling import AnonymousLearnerThrottle, LearnerThrottle, TooManyRequests

# 500 events of a few hundred bytes each fit well below this.
MAX_EVENTS_BODY_BYTES = 256 * 1024


class BodyTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy(
        "The request is too large; send the events in smaller batches."
    )
    default_code = "too_large"


class OwnPassword(BasePermission):
    """A learner still on a temporary password changes it first, also with a token."""

    message = MUST_CHANGE_PASSWORD

    def has_permission(self, request, view):
        return not request.user.password_is_temporary


class LearnerAPIView(APIView):
    authentication_classes = [SessionAuthentication, TokenAuthentication]
    permission_classes = [IsAuthenticated, OwnPassword]
    throttle_classes = [LearnerThrottle, AnonymousLearnerThrottle]

    def perform_authentication(self, request):
        try:
            super().perform_authentication(request)
        finally:
            # Counted before any refusal, so anonymous calls and wrong tokens are
            # limited per address too.
            super().check_throttles(request)

    def check_throttles(self, request):
        """Already done in perform_authentication, before the permissions."""

    def throttled(self, request, wait):
        raise TooManyRequests(wait)

    def handle_exception(self, exc):
        # DRF's own texts quote the parser's English error; say it plainly.
        # A body nested thousands deep stops the JSON parser with a RecursionError.
        if isinstance(exc, ParseError | RecursionError):
            exc = ParseError(_("The request body is not valid JSON."))
        elif isinstance(exc, UnsupportedMediaType):
            exc = UnsupportedMediaType("", detail=_("Send the request body as JSON."))
        elif isinstance(exc, PermissionDenied) and str(exc.detail).startswith("CSRF"):
            # DRF's CSRF refusal is an untranslated English string.
            exc = PermissionDenied(
                _(
                    "The request was refused: its security check (CSRF) failed. "
                    "Reload the page and try again."
                )
            )
        return super().handle_exception(exc)

    def bad_request(self, errors) -> Response:
        return Response(
            {"detail": first_error(errors)}, status=status.HTTP_400_BAD_REQUEST
        )


class EnrolmentsView(LearnerAPIView):
    @extend_schema(
        summary="Enrol in a course",
        request=EnrolmentSerializer,
        responses={
            201: EnrolmentOut,
            200: EnrolmentOut,
            400: error("The course is not a whole number."),
            404: error("No live course the learner may view has that id."),
            **REFUSALS,
        },
    )
    def post(self, request):
        serializer = EnrolmentSerializer(data=request.data)
        if not serializer.is_valid():
            return Response(
                {"detail": _("Give the course as its page id.")},
                status=status.HTTP_400_BAD_REQUEST,
            )
        # A course the learner may not view (a private page) is as missing as one
        # that does not exist: the same 404, nothing told.
        course = get_object_or_404(
            viewable(CoursePage.objects.live(), request),
            pk=serializer.validated_data["course"],
        )
        result = enrolments.enrol(learner=request.user, course=course)
        enrolment = result.enrolment
        return Response(
            {
                "id": enrolment.pk,
                "course": enrolment.course_id,
                "enrolled_at": enrolment.enrolled_at,
                "percent": enrolment.percent,
                "completed_at": enrolment.completed_at,
            },
            status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK,
        )


class EventsView(LearnerAPIView):
    parser_classes = [JSONParser]

    def initial(self, request, *args, **kwargs):
        # Before anything reads the body. Django gives no more than Content-Length
        # bytes to the application, so the header is the body's upper bound.
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_EVENTS_BODY_BYTES:
            raise BodyTooLarge()
        super().initial(request, *args, **kwargs)

    @extend_schema(
        summary="Send a batch of progress events",
        request=EventBatchIn,
        responses={
            200: EventResultsOut,
            400: error("Not a batch: bad JSON, no list of events, too many."),
            413: error("The body is larger than 256 KB."),
            415: error("The body is not JSON."),
            **REFUSALS,
        },
    )
    def post(self, request):
        # Any JSON value but an object (null included) lacks "events".
        body = request.data if isinstance(request.data, dict) else {}
        serializer = EventBatchSerializer(data=body)
        if not serializer.is_valid():
            return self.bad_request(serializer.errors)
        results = record_events(
            learner=request.user, events=serializer.validated_data["events"]
        )
        return Response({"results": [r.as_dict() for r in results]})


class MeView(LearnerAPIView):
    @extend_schema(
        summary="The learner's own learning", responses={200: MeOut, **REFUSALS}
    )
    def get(self, request):
        learning = my_learning(
            user_id=request.user.pk, year=timezone.localdate().year, request=request
        )
        facts = learning.facts
        return Response(
            {
                "name": request.user.get_full_name(),
                "year": learning.year,
                "hours_this_year": round(facts.total_hours, 2),
                "online_hours": facts.online_hours,
                "in_person_hours": facts.in_person_hours,
                "enrolments": [
                    {
                        "course": row.course_id,
                        "title": row.title,
                        "url": row.url,
                        "percent": row.percent,
                        "completed_at": row.completed_at,
                    }
                    for row in learning.enrolments
                ],
                "certificates": [
                    {
                        "code": c.code,
                        "course": c.course_id,
                        "title": c.course.title,
                        "issued_at": c.issued_at,
                        "hours": float(c.hours),
                        "valid": c.is_valid,
                    }
                    for c in learning.certificates
                ],
            }
        )

"""The learner API: enrol, send progress events, read one's own learning.

Session authentication (with CSRF) serves the site's own script; token
authentication serves apps. Calls are rate limited (lms/throttling.py). See
docs/api.md.
"""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.models import CoursePage
from lms.middleware import MUST_CHANGE_PASSWORD
from lms.selectors import my_learning
from lms.services import enrolments
from lms.services.events import record_events
from lms.throttling import AnonymousLearnerThrottle, LearnerThrottle, TooManyRequests

# Enough for a day offline; larger queues are sent in several batches.
MAX_EVENTS_PER_BATCH = 500


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


class EnrolmentsView(LearnerAPIView):
    def post(self, request):
        course_id = request.data.get("course") if hasattr(request.data, "get") else None
        try:
            course_id = int(course_id)
        except (TypeError, ValueError):
            return Response(
                {"detail": _("Give the course as its page id.")},
                status=status.HTTP_400_BAD_REQUEST,
            )
        course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
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
    def post(self, request):
        events = request.data.get("events") if hasattr(request.data, "get") else None
        if not isinstance(events, list):
            return Response(
                {"detail": _("Send the events as a list under “events”.")},
                status=status.HTTP_400_BAD_REQUEST,
            )
        if len(events) > MAX_EVENTS_PER_BATCH:
            return Response(
                {
                    "detail": _("Send at most %(max)d events at a time.")
                    % {"max": MAX_EVENTS_PER_BATCH}
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        results = record_events(learner=request.user, events=events)
        return Response({"results": [r.as_dict() for r in results]})


class MeView(LearnerAPIView):
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

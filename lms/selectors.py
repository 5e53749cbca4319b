"""Reads of learning records for explanations, reports and recognition.

Every figure here counts a calendar year in Vietnam time (Asia/Ho_Chi_Minh), the
period the learning-model criteria use.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Sum

from cms.models import LessonPage
from lms.models import (
    Attendance,
    Certificate,
    DailyLearning,
    Enrolment,
    LessonProgress,
)


@dataclass(frozen=True)
class LearningYearFacts:
    """What one person learned in one year, in the figures criteria use."""

    online_hours: float
    in_person_hours: float
    courses_completed: int
    certificates: int
    classes_attended: int

    @property
    def total_hours(self) -> float:
        return self.online_hours + self.in_person_hours


NO_FACTS = LearningYearFacts(
    online_hours=0.0,
    in_person_hours=0.0,
    courses_completed=0,
    certificates=0,
    classes_attended=0,
)


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """The first instant of ``year`` and of the next one, in Vietnam time."""
    tz = ZoneInfo(settings.TIME_ZONE)
    return datetime(year, 1, 1, tzinfo=tz), datetime(year + 1, 1, 1, tzinfo=tz)


def learning_year_facts(
    *, user_ids: list[int], year: int
) -> dict[int, LearningYearFacts]:
    """Facts for every user in ``user_ids``, in four queries whatever their number."""
    user_ids = list(user_ids)
    if not user_ids:
        return {}
    facts = _year_facts({"learner_id__in": user_ids}, year)
    return {user_id: facts.get(user_id, NO_FACTS) for user_id in user_ids}


def residents_learning_year_facts(
    *, commune, year: int
) -> dict[int, LearningYearFacts]:
    """Facts of the commune's residents who learned in ``year``; others have none.

    Four queries joined on the learner's commune: a bulk evaluation's whole commune
    without lists of ids.
    """
    return _year_facts({"learner__commune": commune}, year)


def _year_facts(learners: dict, year: int) -> dict[int, LearningYearFacts]:
    start, end = year_bounds(year)
    online = dict(
        DailyLearning.objects.filter(**learners, day__year=year)
        .values("learner_id")
        .annotate(seconds=Sum("online_seconds"))
        .values_list("learner_id", "seconds")
    )
    classes = {
        row["learner_id"]: row
        for row in Attendance.objects.filter(
            **learners, present=True, session__date__year=year
        )
        .values("learner_id")
        .annotate(hours=Sum("session__hours"), count=Count("id"))
    }
    completed = dict(
        Enrolment.objects.filter(
            **learners, completed_at__gte=start, completed_at__lt=end
        )
        .values("learner_id")
        .annotate(count=Count("course_id", distinct=True))
        .values_list("learner_id", "count")
    )
    certificates = dict(
        Certificate.objects.filter(
            **learners,
            issued_at__gte=start,
            issued_at__lt=end,
            revoked_at__isnull=True,
        )
        .values("learner_id")
        .annotate(count=Count("id"))
        .values_list("learner_id", "count")
    )
    facts = {}
    for user_id in (
        online.keys() | classes.keys() | completed.keys() | certificates.keys()
    ):
        attended = classes.get(user_id, {})
        facts[user_id] = LearningYearFacts(
            online_hours=round((online.get(user_id) or 0) / 3600, 2),
            in_person_hours=float(attended.get("hours") or Decimal(0)),
            courses_completed=completed.get(user_id, 0),
            certificates=certificates.get(user_id, 0),
            classes_attended=attended.get("count", 0),
        )
    return facts


def course_measured_hours(*, learner_id: int, course) -> Decimal:
    """Measured hours of one person in one course, to one decimal.

    Accepted online time on the course's lessons plus the in-person sessions linked
    to the course that the person attended; never the course's estimate.
    """
    seconds = LessonProgress.objects.filter(
        learner_id=learner_id,
        lesson_id__in=LessonPage.objects.child_of(course).values("pk"),
    ).aggregate(total=Sum("seconds_spent"))["total"]
    in_person = Attendance.objects.filter(
        learner_id=learner_id, present=True, session__course_id=course.pk
    ).aggregate(total=Sum("session__hours"))["total"]
    hours = Decimal(seconds or 0) / 3600 + (in_person or Decimal(0))
    return hours.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class CompletedCourse:
    course_id: int
    title: str
    completed_at: datetime


@dataclass(frozen=True)
class AttendedClass:
    session_id: int
    topic: str
    date: date
    hours: float
    centre: str


@dataclass(frozen=True)
class CertificateFact:
    code: str
    course_id: int
    course_title: str
    issued_at: datetime
    hours: float


@dataclass(frozen=True)
class LearningYearDetail:
    """The records behind one person's facts for one year, to explain the figures."""

    facts: LearningYearFacts
    completed_courses: list[CompletedCourse]
    attended_classes: list[AttendedClass]
    certificates: list[CertificateFact]


def learning_year_detail(*, user_id: int, year: int) -> LearningYearDetail:
    """The lists behind ``learning_year_facts`` for one person and one year."""
    start, end = year_bounds(year)
    completed = [
        CompletedCourse(
            course_id=e.course_id, title=e.course.title, completed_at=e.completed_at
        )
        for e in Enrolment.objects.filter(
            learner_id=user_id, completed_at__gte=start, completed_at__lt=end
        )
        .select_related("course")
        .order_by("completed_at")
    ]
    attended = [
        AttendedClass(
            session_id=a.session_id,
            topic=a.session.topic,
            date=a.session.date,
            hours=float(a.session.hours),
            centre=a.session.centre.name,
        )
        for a in Attendance.objects.filter(
            learner_id=user_id, present=True, session__date__year=year
        )
        .select_related("session__centre")
        .order_by("session__date", "session__starts_at")
    ]
    certificates = [
        CertificateFact(
            code=c.code,
            course_id=c.course_id,
            course_title=c.course.title,
            issued_at=c.issued_at,
            hours=float(c.hours),
        )
        for c in Certificate.objects.filter(
            learner_id=user_id,
            issued_at__gte=start,
            issued_at__lt=end,
            revoked_at__isnull=True,
        )
        .select_related("course")
        .order_by("issued_at")
    ]
    facts = learning_year_facts(user_ids=[user_id], year=year)[user_id]
    return LearningYearDetail(
        facts=facts,
        completed_courses=completed,
        attended_classes=attended,
        certificates=certificates,
    )


@dataclass(frozen=True)
class EnrolmentRow:
    enrolment_id: int
    course_id: int
    title: str
    url: str
    percent: int
    enrolled_at: datetime
    completed_at: datetime | None


@dataclass(frozen=True)
class MyLearning:
    """What the My learning page and the learner API show a person."""

    year: int
    facts: LearningYearFacts
    enrolments: list[EnrolmentRow]
    certificates: list[Certificate]

    @property
    def finished_without_hours(self) -> bool:
        """A finished course but no hours this year: the page says why."""
        return not self.facts.total_hours and any(
            row.completed_at for row in self.enrolments
        )


def my_learning(*, user_id: int, year: int, request=None) -> MyLearning:
    """A person's active enrolments, this year's hours and their certificates."""
    enrolments = [
        EnrolmentRow(
            enrolment_id=e.pk,
            course_id=e.course_id,
            title=e.course.title,
            url=e.course.get_url(request) or "",
            percent=e.percent,
            enrolled_at=e.enrolled_at,
            completed_at=e.completed_at,
        )
        for e in Enrolment.objects.filter(
            learner_id=user_id, unenrolled_at__isnull=True
        )
        .select_related("course")
        .order_by("completed_at", "-enrolled_at")
    ]
    certificates = list(
        Certificate.objects.filter(learner_id=user_id)
        .select_related("course", "centre")
        .order_by("-issued_at")
    )
    return MyLearning(
        year=year,
        facts=learning_year_facts(user_ids=[user_id], year=year)[user_id],
        enrolments=enrolments,
        certificates=certificates,
    )

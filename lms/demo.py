"""Demo people for `make run`: an administrator, residents with learning records."""

import secrets
import uuid
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.roles import Role, group_for
from cms.course_tree import course_index_for
from cms.models import Centre, Commune, CoursePage, LessonPage
from config.local_secrets import admin_password
from lms.models import ClassSession, Enrolment
from lms.services import classes, enrolments, progress
from lms.services.events import record_event
from lms.services.lesson_length import lesson_length


def ensure_admin() -> tuple[str, str]:
    """Create the demo administrator once; return its login and password."""
    User = get_user_model()
    password = admin_password()
    admin = User.objects.filter(username="admin").first()
    if admin is None:
        User.objects.create_superuser(
            username="admin",
            email="admin@example.vn",
            password=password,
            full_name="Quản trị viên",
        )
    elif not admin.check_password(password):
        admin.set_password(password)
        admin.save(update_fields=["password"])
    return "admin", password


DEMO_RESIDENT_PASSWORD_FILE = (
    Path(settings.BASE_DIR) / ".tmp" / "demo-resident-password"
)
DEMO_COMMUNE_CODE = "03037"  # Xã Tả Van, Lào Cai
DEMO_RESIDENTS = [
    ("0912000101", "Giàng Thị Mỷ"),
    ("0912000102", "Lò Văn Sáng"),
    ("0912000103", "Vàng A Dình"),
]
DEMO_STAFF = ("0912000100", "Sùng Thị Lan")
DEMO_EVENT_NAMESPACE = uuid.UUID("3f0c1d2e-5b7a-4c1e-9a55-0d1f7e2b6c11")


def _demo_password() -> str:
    if DEMO_RESIDENT_PASSWORD_FILE.exists():
        return DEMO_RESIDENT_PASSWORD_FILE.read_text().strip()
    DEMO_RESIDENT_PASSWORD_FILE.parent.mkdir(exist_ok=True)
    password = secrets.token_urlsafe(9)
    DEMO_RESIDENT_PASSWORD_FILE.write_text(password + "\n")
    DEMO_RESIDENT_PASSWORD_FILE.chmod(0o600)
    return password


def _person(phone, name, commune, password):
    User = get_user_model()
    user = User.objects.filter(phone=phone).first()
    if user is None:
        user = User.objects.create_user(
            phone=phone, password=password, full_name=name, commune=commune
        )
    elif not user.check_password(password):
        user.set_password(password)
    user.commune = commune
    user.full_name = name
    if not user.has_consented:
        user.give_consent()
    user.save()
    return user


def _demo_course(centre):
    """A small course when the CMS demo has none yet, under its centre's page."""
    index = course_index_for(centre)
    course = index.add_child(
        instance=CoursePage(
            title="Phòng chống lừa đảo qua mạng",
            slug="phong-chong-lua-dao",
            summary="Nhận biết tin nhắn, cuộc gọi lừa đảo và cách tự bảo vệ.",
            estimated_hours=2,
            centre=centre,
        )
    )
    for i, title in enumerate(
        ["Các kiểu lừa đảo thường gặp", "Tự bảo vệ tài khoản ngân hàng"], 1
    ):
        course.add_child(
            instance=LessonPage(
                title=f"Bài {i}: {title}",
                body=[("paragraph", f"<p>{title}.</p>")],
            )
        )
    return course


def _event(learner, lesson, kind, *, key="", at=None, **fields):
    # Fixed ids and dates: loading the demo again sends the same events, counted once.
    key = f"{learner.pk}:{lesson.pk}:{kind}{key}"
    data = {
        "id": str(uuid.uuid5(DEMO_EVENT_NAMESPACE, key)),
        "type": kind,
        "lesson": lesson.pk,
        "at": (at or timezone.now()).isoformat(),
        **fields,
    }
    return record_event(learner=learner, data=data)


def _study(learner, lesson, *, day) -> None:
    """Learn a lesson on ``day`` as a device reports it: the page open for the
    lesson's length, its media played through, then "I have finished"."""
    timeline = progress.media_timeline(lesson)
    length = lesson_length(lesson, media_seconds=sum(s.duration for s in timeline))
    at = day + timedelta(seconds=length.total_seconds)
    _event(learner, lesson, "lesson.time", at=at, seconds=length.total_seconds)
    for span in timeline:
        _event(
            learner,
            lesson,
            "media.watched",
            key=f":{span.media_id}",
            at=at,
            media=span.media_id,
            **{"from": 0, "to": span.duration},
        )
    _event(learner, lesson, "lesson.completed", at=at)


def load_lms_demo() -> dict[str, str]:
    """Demo residents of Tả Van with progress, a certificate and two classes."""
    commune = Commune.objects.get(code=DEMO_COMMUNE_CODE)
    centre = Centre.objects.filter(commune=commune).first()
    password = _demo_password()
    residents = [
        _person(phone, name, commune, password) for phone, name in DEMO_RESIDENTS
    ]
    staff = _person(*DEMO_STAFF, commune, password)
    staff.groups.add(group_for(Role.CENTRE_STAFF))
    courses = list(CoursePage.objects.live().order_by("path")[:3]) or [
        _demo_course(centre)
    ]
    # Enrolled a month ago, so their learning has days to happen on (measured time
    # counts only from enrolling, at most a few hours a day).
    month_ago = timezone.now().replace(hour=8, minute=0, second=0, microsecond=0)
    month_ago -= timedelta(days=30)
    for resident in residents:
        for course in courses:
            enrolment = enrolments.enrol(
                learner=resident, course=course, enrolled_by=staff
            )
            if enrolment.created:
                Enrolment.objects.filter(pk=enrolment.enrolment.pk).update(
                    enrolled_at=month_ago
                )
    first_lessons = list(LessonPage.objects.child_of(courses[0]).live())
    for day, lesson in enumerate(first_lessons[:28], 1):
        # The first resident completes the first course, one lesson a day.
        _study(residents[0], lesson, day=month_ago + timedelta(days=day))
    if first_lessons:
        _study(residents[1], first_lessons[0], day=month_ago + timedelta(days=1))
    if centre:
        today = timezone.localdate()
        for days_ago, topic, hours in [
            (14, "Kỹ thuật chăm sóc lúa nương", "2.0"),
            (3, "Phòng chống lừa đảo qua mạng", "1.5"),
        ]:
            session = ClassSession.objects.filter(centre=centre, topic=topic).first()
            if session is None:
                session = classes.create_session(
                    centre=centre,
                    topic=topic,
                    date=today - timedelta(days=days_ago),
                    hours=Decimal(hours),
                    place="Nhà văn hoá thôn Tả Van Giáy 1",
                    created_by=staff,
                )
            classes.record_attendance(
                session=session,
                present_ids={r.pk for r in residents[:2]},
                offered_ids={r.pk for r in residents},
                recorded_by=staff,
            )
    return {
        "resident": DEMO_RESIDENTS[0][0],
        "staff": DEMO_STAFF[0],
        "password": password,
    }

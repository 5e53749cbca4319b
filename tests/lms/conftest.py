"""LMS fixtures: a course with lessons, a centre and its staff."""

import pytest
from django.contrib.auth import get_user_model

from accounts.roles import Role, group_for
from cms.models import Centre, CourseIndexPage, CoursePage, LessonPage


def make_lesson(course, title, *, required=True, body=None):
    lesson = LessonPage(
        title=title,
        is_required=required,
        body=body or [("paragraph", f"<p>{title}</p>")],
    )
    course.add_child(instance=lesson)
    return lesson


@pytest.fixture
def centre(commune):
    return Centre.objects.get_or_create(
        commune=commune, defaults={"name": "Trung tâm học tập cộng đồng xã Tả Van"}
    )[0]


@pytest.fixture
def other_centre(other_commune):
    return Centre.objects.get_or_create(
        commune=other_commune,
        defaults={"name": "Trung tâm học tập cộng đồng phường Hoàn Kiếm"},
    )[0]


@pytest.fixture
def course_index(home_page):
    index = CourseIndexPage(title="Khoá học", slug="khoa-hoc-test")
    home_page.add_child(instance=index)
    return index


@pytest.fixture
def course(course_index, centre):
    course = CoursePage(
        title="Trồng lúa nước an toàn",
        slug="trong-lua",
        summary="Kỹ thuật trồng lúa.",
        estimated_hours=3,
        centre=centre,
    )
    course_index.add_child(instance=course)
    return course


@pytest.fixture
def lessons(course):
    """Two required lessons and one optional."""
    return [
        make_lesson(course, "Bài 1: Chọn giống"),
        make_lesson(course, "Bài 2: Bón phân"),
        make_lesson(course, "Bài đọc thêm", required=False),
    ]


@pytest.fixture
def lesson(lessons):
    return lessons[0]


@pytest.fixture
def other_resident(commune):
    return get_user_model().objects.create_user(
        phone="0987654321",
        password="mat-khau-2",
        full_name="Lò Văn Minh",
        commune=commune,
    )


@pytest.fixture
def far_resident(other_commune):
    return get_user_model().objects.create_user(
        email="an@example.vn",
        password="mat-khau-3",
        full_name="Trần Văn An",
        commune=other_commune,
    )


@pytest.fixture
def staff(commune):
    user = get_user_model().objects.create_user(
        phone="0911000111",
        password="mat-khau-staff",
        full_name="Cán bộ Giàng Thị Mai",
        commune=commune,
    )
    user.groups.add(group_for(Role.CENTRE_STAFF))
    return user


@pytest.fixture
def far_staff(other_commune):
    user = get_user_model().objects.create_user(
        phone="0911000222",
        password="mat-khau-staff",
        full_name="Cán bộ Hà Nội",
        commune=other_commune,
    )
    user.groups.add(group_for(Role.CENTRE_STAFF))
    return user


@pytest.fixture
def enrolled(resident, course, lessons):
    """The resident enrolled in the course yesterday (time counts from enrolling)."""
    from datetime import timedelta

    from lms.models import Enrolment
    from lms.services.enrolments import enrol

    enrolment = enrol(learner=resident, course=course).enrolment
    enrolment.enrolled_at -= timedelta(days=1)
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=enrolment.enrolled_at)
    return enrolment


@pytest.fixture
def video_lesson(course):
    """A lesson with a 100 s video and a 50 s audio, one after the other."""
    from cms.models import LessonMedia

    video = LessonMedia.objects.create(
        title="Video", file="media/video.mp4", type="video", duration=100
    )
    audio = LessonMedia.objects.create(
        title="Audio", file="media/audio.mp3", type="audio", duration=50
    )
    lesson = make_lesson(
        course,
        "Bài 3: Xem video",
        body=[
            ("video", {"video": video, "caption": ""}),
            ("paragraph", "<p>Đọc thêm</p>"),
            ("audio", {"audio": audio, "caption": ""}),
        ],
    )
    lesson.video, lesson.audio = video, audio
    return lesson

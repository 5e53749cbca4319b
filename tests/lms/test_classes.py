"""In-person classes: sessions, the attendance tick list, hours that count."""

from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from lms.models import Attendance, ClassSession, Enrolment
from lms.selectors import learning_year_facts


@pytest.fixture
def staff_client(staff):
    client = Client()
    client.force_login(staff)
    return client


@pytest.mark.django_db
def test_staff_creates_session_and_ticks_attendance(
    staff_client, centre, resident, other_resident, far_resident
):
    today = timezone.localdate()
    response = staff_client.post(
        "/quan-ly/lop-hoc/moi/",
        {
            "topic": "Phòng chống lừa đảo qua mạng",
            "date": today.isoformat(),
            "starts_at": "19:00",
            "hours": "2",
            "place": "Nhà văn hoá thôn",
            "community_topic": "Pháp luật",
        },
    )
    session = ClassSession.objects.get()
    assert response.status_code == 302
    assert session.centre == centre
    page = staff_client.get(f"/quan-ly/lop-hoc/{session.pk}/diem-danh/")
    html = page.content.decode()
    assert resident.full_name in html and other_resident.full_name in html
    assert far_resident.full_name not in html  # another commune
    staff_client.post(
        f"/quan-ly/lop-hoc/{session.pk}/diem-danh/",
        {
            "offered": [resident.pk, other_resident.pk, far_resident.pk],
            "present": [resident.pk, far_resident.pk],
        },
    )
    present = set(
        Attendance.objects.filter(present=True).values_list("learner_id", flat=True)
    )
    assert present == {resident.pk}
    attendance = Attendance.objects.get(learner=resident)
    assert attendance.commune_id == resident.commune_id
    assert attendance.recorded_by.pk == session.created_by_id
    facts = learning_year_facts(user_ids=[resident.pk], year=today.year)
    assert facts[resident.pk].in_person_hours == 2.0
    assert facts[resident.pk].classes_attended == 1
    # Unticking later removes the hours.
    staff_client.post(
        f"/quan-ly/lop-hoc/{session.pk}/diem-danh/",
        {"offered": [resident.pk, other_resident.pk]},
    )
    facts = learning_year_facts(user_ids=[resident.pk], year=today.year)
    assert facts[resident.pk].in_person_hours == 0


@pytest.mark.django_db
def test_bad_hours_get_a_clear_message(staff_client, centre):
    response = staff_client.post(
        "/quan-ly/lop-hoc/moi/",
        {"topic": "Chăn nuôi", "date": "2026-05-01", "hours": "30"},
    )
    assert response.status_code == 200
    assert not ClassSession.objects.exists()
    assert "Chăn nuôi" in response.content.decode()  # nothing typed is lost


@pytest.mark.django_db
def test_other_commune_staff_cannot_touch_session(
    far_staff, centre, other_centre, staff
):
    session = ClassSession.objects.create(
        centre=centre, topic="Y tế", date=date(2026, 5, 1), hours=1, created_by=staff
    )
    client = Client()
    client.force_login(far_staff)
    url = f"/quan-ly/lop-hoc/{session.pk}/diem-danh/"
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_residents_cannot_open_staff_pages(resident):
    client = Client()
    client.force_login(resident)
    assert client.get("/quan-ly/").status_code == 403


@pytest.mark.django_db
def test_staff_enrol_list(staff_client, course, resident, other_resident, far_resident):
    response = staff_client.post(
        "/quan-ly/ghi-danh/",
        {
            "course": course.pk,
            "people": f"{resident.phone}\n0987 654 321\n{far_resident.email}\n",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert far_resident.email in html  # reported, not enrolled
    enrolled = set(Enrolment.objects.values_list("learner_id", flat=True))
    assert enrolled == {resident.pk, other_resident.pk}
    assert Enrolment.objects.filter(enrolled_by__isnull=False).count() == 2


@pytest.mark.django_db
def test_upcoming_classes_tag(centre):
    from django.template import Context, Template

    today = timezone.localdate()
    ClassSession.objects.create(centre=centre, topic="Sắp tới", date=today, hours=1)
    ClassSession.objects.create(
        centre=centre, topic="Đã qua", date=date(2020, 1, 1), hours=1
    )
    html = Template("{% load lms_tags %}{% centre_classes centre %}").render(
        Context({"centre": centre})
    )
    assert "Sắp tới" in html and "Đã qua" not in html


@pytest.mark.django_db
def test_staff_add_residents_to_a_class_list(
    staff_client, staff, centre, resident, far_resident
):
    session = ClassSession.objects.create(
        centre=centre, topic="Tin học", date=date(2026, 6, 1), hours=2, created_by=staff
    )
    url = f"/quan-ly/lop-hoc/{session.pk}/diem-danh/"
    response = staff_client.post(
        url, {"people": f"{resident.phone}\n{far_resident.email}"}, follow=True
    )
    listed = Attendance.objects.filter(session=session)
    assert [(a.learner_id, a.present) for a in listed] == [(resident.pk, False)]
    html = response.content.decode()
    assert far_resident.email in html  # reported as not found
    assert f'name="present" value="{resident.pk}"' in html
    facts = learning_year_facts(user_ids=[resident.pk], year=2026)
    assert facts[resident.pk].classes_attended == 0  # listed is not present

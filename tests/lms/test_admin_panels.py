"""The centre's classes this week on the Wagtail admin home."""

from datetime import date, timedelta

from bs4 import BeautifulSoup
from django.utils import timezone

from lms.admin_panels import class_sessions_this_week, week_of
from lms.models import ClassSession


def session(centre, topic, day, **fields):
    return ClassSession.objects.create(
        centre=centre, topic=topic, date=day, hours=1, **fields
    )


def test_a_week_runs_monday_to_sunday():
    assert week_of(date(2026, 12, 3)) == (date(2026, 11, 30), date(2026, 12, 6))
    assert week_of(date(2026, 11, 30)) == (date(2026, 11, 30), date(2026, 12, 6))
    assert week_of(date(2026, 12, 6)) == (date(2026, 11, 30), date(2026, 12, 6))


def test_only_this_weeks_sessions_of_the_centre(centre, other_centre):
    today = date(2026, 12, 3)
    session(centre, "Thứ Hai", date(2026, 11, 30))
    session(centre, "Chủ nhật", date(2026, 12, 6))
    session(centre, "Tuần trước", date(2026, 11, 29))
    session(centre, "Tuần sau", date(2026, 12, 7))
    session(other_centre, "Xã khác", today)
    topics = [s.topic for s in class_sessions_this_week(centre=centre, today=today)]
    assert topics == ["Thứ Hai", "Chủ nhật"]


def test_staff_see_their_classes_on_the_admin_home(client, staff, centre, other_centre):
    today = timezone.localdate()
    this_week = session(
        centre, "Tin học cho người cao tuổi", today, place="Nhà văn hoá"
    )
    session(centre, "Đã qua lâu", today - timedelta(days=30))
    session(other_centre, "Lớp xã khác", today)
    client.force_login(staff)
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panel = soup.select_one("[data-classes-this-week]")
    text = " ".join(panel.get_text(" ").split())
    assert "Lớp học tuần này" in text
    assert "Tin học cho người cao tuổi (Nhà văn hoá)" in text
    assert "Đã qua lâu" not in text and "Lớp xã khác" not in text
    links = [a["href"] for a in panel.select("a")]
    assert f"/quan-ly/lop-hoc/{this_week.pk}/diem-danh/" in links


def test_a_week_without_classes_says_so(client, staff, centre):
    client.force_login(staff)
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panel = soup.select_one("[data-classes-this-week]")
    assert "Tuần này chưa có buổi học nào." in panel.get_text()


def test_people_who_run_no_centre_see_no_class_panel(client, db):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser(username="qt", password="x-1")
    client.force_login(admin)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert b"data-classes-this-week" not in response.content

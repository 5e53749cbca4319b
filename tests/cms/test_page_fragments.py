"""The menu's sections and the breadcrumb are read once per publish, not per view,
and follow every publish (the page cache's site-wide token)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import LessonPage, ResourceLibraryPage


def test_repeat_views_read_neither_menu_nor_breadcrumb(client, course):
    lesson = LessonPage.objects.child_of(course).order_by("path")[1]
    client.get(lesson.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(lesson.url)
    assert response.status_code == 200
    sql = [q["sql"] for q in queries]
    assert not [s for s in sql if '"depth" = 3' in s]  # the menu's sections
    # One ancestors query is Wagtail's view-restriction check (id and alias only);
    # the breadcrumb's own, with titles, is gone.
    assert not [s for s in sql if 'path" IN' in s and '"title"' in s]
    # was 11; 9, and one more for the language chooser (which versions exist).
    assert len(sql) <= 10, sql
    html = response.content.decode()
    assert f'href="{course.url}">{course.title}</a>' in html


def test_breadcrumb_and_menu_follow_a_publish(client, course, home_page):
    lesson = LessonPage.objects.child_of(course).first()
    before = client.get(lesson.url).content.decode()
    assert "Thư viện mới" not in before
    course.title = "Lúa SRI (sửa)"
    course.save_revision().publish()
    library = home_page.add_child(
        instance=ResourceLibraryPage(title="Thư viện mới", slug="thu-vien-moi")
    )
    library.save_revision().publish()
    after = client.get(lesson.url).content.decode()
    assert ">Lúa SRI (sửa)</a>" in after
    assert f'href="{library.url}"' in after

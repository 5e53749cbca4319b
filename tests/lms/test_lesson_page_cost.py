"""What an uncached lesson page costs in queries, pinned: a failing assertion if it
grows. Its course and lesson list are remembered per process until a page is
published, unpublished, moved or deleted (runs on SQLite and PostgreSQL)."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cms.models import LessonPage

from .conftest import make_lesson
from .test_translated_lessons import translate

# Once warm: the lesson's own row, and nothing else.
ANONYMOUS_QUERIES = 1
# The session, the person and the lesson's row; the person's roles and
# permissions (the menu's staff link, two of them Django's model backend); the
# learner's enrolment, progress and lesson quiz for the progress box.
SIGNED_IN_QUERIES = 9
# The lesson's row, its Vietnamese source (progress is kept there) and the
# source's course.
TRANSLATED_QUERIES = 3


def queries_of(client, url) -> list[str]:
    client.get(url)  # warm this process's memory, as a running server's
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries]


@pytest.mark.django_db
def test_an_anonymous_lesson_page_costs_one_query(lessons):
    sql = queries_of(Client(), lessons[1].url)
    assert len(sql) == ANONYMOUS_QUERIES, sql


@pytest.mark.django_db
def test_a_learners_lesson_page_costs_what_their_progress_needs(
    resident, enrolled, lessons
):
    client = Client()
    client.force_login(resident)
    sql = queries_of(client, lessons[1].url)
    assert len(sql) == SIGNED_IN_QUERIES, sql


@pytest.mark.django_db
def test_a_translated_lesson_page_is_found_without_walking_the_tree(lessons):
    hmong = translate(lessons[0])
    sql = queries_of(Client(), hmong.url)
    assert len(sql) == TRANSLATED_QUERIES, sql
    # Found under the Hmông home page at once: no site, locale or home lookup.
    assert not any('FROM "wagtailcore_site"' in q for q in sql)
    assert not any('FROM "wagtailcore_locale"' in q for q in sql)


def lesson_meta(client, lesson) -> str:
    html = client.get(lesson.url).content.decode()
    return re.search(r"Bài \d+ / \d+", html).group(0)


@pytest.mark.django_db
def test_a_published_lesson_joins_the_remembered_list(course, lessons):
    client = Client()
    assert lesson_meta(client, lessons[0]) == "Bài 1 / 3"
    new = make_lesson(course, "Bài 4: Thu hoạch")
    new.save_revision().publish()
    assert lesson_meta(client, lessons[0]) == "Bài 1 / 4"
    html = client.get(lessons[2].url).content.decode()
    assert f'rel="next" href="{new.url}"' in html
    new.refresh_from_db()
    new.unpublish()
    assert lesson_meta(client, lessons[0]) == "Bài 1 / 3"


@pytest.mark.django_db
def test_a_lesson_preview_is_never_answered_from_memory(rf, course, lessons):
    """A lesson added without a publish (no version change) is not in the
    remembered list, but a preview reads the tree afresh."""
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    request = rf.get(lesson.url)
    assert lesson.get_context(request)["lesson_count"] == 3
    course.add_child(instance=LessonPage(title="Bài nháp", body=[], live=True))
    assert lesson.get_context(request)["lesson_count"] == 3
    request.is_preview = True
    assert lesson.get_context(request)["lesson_count"] == 4


@pytest.mark.django_db
def test_the_remembered_language_links_follow_a_new_translation(lessons):
    """The chooser's links are kept per page until the next publish: a lesson
    translated since shows its language as available."""
    client = Client()

    def hmong_link():
        html = client.get(lessons[0].url).content.decode()
        return re.search(
            r'<li><a [^>]*lang="hmn"[^>]*>[^<]*</a>[^<]*(<span[^>]*>)?', html
        )

    assert hmong_link().group(1) is not None  # "(not translated yet)"
    translate(lessons[0])
    assert hmong_link().group(1) is None

"""The page cache, validators and private answers (cms/page_cache.py)."""

import pytest
import redis
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.models import LessonPage
from cms.page_cache import HIT_HEADER
from lms.reports.models import PageViewDaily
from lms.reports.views_counter import flush_view_counts

WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def public_urls(home_page, course_index, course, library, sections, resource, news):
    lesson = LessonPage.objects.child_of(course).live().first()
    return {
        "home": "/",
        "catalogue": course_index.url,
        "course": course.url,
        "lesson": lesson.url,
        "library": library.url,
        "open resource": resource.url,
        "news": news.url,
        "news index": news.get_parent().url,
        "search results": "/search/?q=l%C3%BAa",
    }


def writes_during(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, [
        q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)
    ]


def test_anonymous_gets_set_no_cookie_and_write_nothing(client, public_urls):
    """Every public page kind, rendered or from the cache: no cookie, no write."""
    for kind, url in public_urls.items():
        for expected in ("miss", "hit"):
            response, writes = writes_during(client, url)
            assert writes == [], (kind, writes)
            assert not response.cookies, (kind, response.cookies)
            assert response[HIT_HEADER] == expected, kind
            assert response["Cache-Control"] == "public, max-age=60", kind
            assert response.has_header("ETag") and response.has_header(
                "Last-Modified"
            ), kind


def test_cached_copy_is_the_rendered_page(client, course):
    first = client.get(course.url)
    second = client.get(course.url)
    assert second[HIT_HEADER] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]
    # Headers added outside the cache come on every answer.
    assert second.has_header("Content-Security-Policy")
    assert second["X-Frame-Options"] == first["X-Frame-Options"]
    assert second["Content-Length"] == str(len(second.content))
    # Proxies keep one copy per cookie header: signed-in users never get it.
    assert "Cookie" in second["Vary"]


def test_conditional_get_answers_304(client, course):
    etag = client.get(course.url)["ETag"]
    for _ in range(2):  # once rendered, once from the cache
        response = client.get(course.url, headers={"If-None-Match": etag})
        assert response.status_code == 304
        assert response.content == b""
    assert client.get(course.url, headers={"If-None-Match": '"other"'}).status_code == (
        200
    )


def test_conditional_get_with_last_modified(client, course):
    modified = client.get(course.url)["Last-Modified"]
    response = client.get(course.url, headers={"If-Modified-Since": modified})
    assert response.status_code == 304


def test_publish_shows_the_new_title_at_once(client, course):
    client.get(course.url)
    assert client.get(course.url)[HIT_HEADER] == "hit"
    course.title = "Trồng lúa SRI: bản mới"
    course.save_revision().publish()
    response = client.get(course.url)
    assert response[HIT_HEADER] == "miss"
    assert "Trồng lúa SRI: bản mới" in response.content.decode()


def test_renaming_a_subject_shows_at_once(client, course):
    """Every course page names its subject: a rename is not ten minutes late."""
    client.get(course.url)
    assert client.get(course.url)[HIT_HEADER] == "hit"
    course.subject.name = "Trồng trọt và chăn nuôi"
    course.subject.save()
    response = client.get(course.url)
    assert response[HIT_HEADER] == "miss"
    assert "Trồng trọt và chăn nuôi" in response.content.decode()


def test_unpublish_removes_the_page_at_once(client, course):
    assert client.get(course.url).status_code == 200
    course.unpublish()
    assert client.get(course.url).status_code == 404


def test_publishing_a_page_refreshes_listings(client, course_index, course):
    """A listing (the catalogue) shows a newly published course at once."""
    from tests.cms.conftest import add_course

    assert client.get(course_index.url)[HIT_HEADER] == "miss"
    assert client.get(course_index.url)[HIT_HEADER] == "hit"
    new = add_course(course_index, "Nuôi ong lấy mật", lessons=0)
    new.save_revision().publish()
    assert "Nuôi ong lấy mật" in client.get(course_index.url).content.decode()


def test_move_and_delete_invalidate(client, home_page, course_index, news):
    client.get(news.url)
    assert client.get(news.url)[HIT_HEADER] == "hit"
    old_url = news.url
    news.move(course_index, pos="last-child")
    # The old address now redirects (wagtail.contrib.redirects), not the old copy.
    assert client.get(old_url).status_code == 301
    client.get(course_index.url)
    assert client.get(course_index.url)[HIT_HEADER] == "hit"
    news.refresh_from_db()
    news.delete()
    assert client.get(course_index.url)[HIT_HEADER] == "miss"


def test_signed_in_users_get_private_answers_never_the_copy(client, resident, course):
    anonymous = client.get(course.url)
    assert anonymous[HIT_HEADER] == "miss"
    client.force_login(resident)
    for _ in range(2):
        response = client.get(course.url)
        assert response.status_code == 200
        assert not response.has_header(HIT_HEADER)
        assert response["Cache-Control"] == "private, no-cache"
        assert reverse("lms:logout") in response.content.decode()
    # and the signed-in page did not replace the anonymous copy
    client.logout()
    response = client.get(course.url)
    assert response[HIT_HEADER] == "hit"
    assert reverse("lms:logout") not in response.content.decode()


def test_a_session_cookie_bypasses_the_cache(client, course):
    client.get(course.url)
    client.cookies["sessionid"] = "not-a-session"
    response = client.get(course.url)
    assert not response.has_header(HIT_HEADER)
    assert response["Cache-Control"] == "private, no-cache"


def test_pages_with_view_restrictions_are_not_cached(client, course):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(course.url)
    assert response.status_code == 302
    assert client.get(course.url).status_code == 302


def test_each_language_has_its_own_copy(client, course):
    vietnamese = client.get(course.url)
    client.cookies["django_language"] = "en"
    english = client.get(course.url)
    assert english[HIT_HEADER] == "miss"
    assert english.content != vietnamese.content


def test_page_cache_can_be_switched_off(client, course, settings):
    """PAGE_CACHE_SECONDS=0: every answer is rendered, anonymous or not."""
    settings.PAGE_CACHE_SECONDS = 0
    client.get(course.url)
    response = client.get(course.url)
    assert response.status_code == 200
    assert not response.has_header(HIT_HEADER)


def test_query_strings_are_cached_apart(client, course, resource):
    first = client.get("/search/?q=l%C3%BAa")
    other = client.get("/search/?q=SRI")
    assert other[HIT_HEADER] == "miss"
    assert first.content != other.content


def test_page_cache_on_redis(redis_cache, client, course):
    """The anonymous copy lives in Redis: another process would find it."""
    assert client.get(course.url)[HIT_HEADER] == "miss"
    assert client.get(course.url)[HIT_HEADER] == "hit"
    keys = redis.Redis.from_url(redis_cache).keys("*pagecache:*")
    assert len(keys) == 3  # the version token, the varied headers and the copy
    course.save_revision().publish()
    assert client.get(course.url)[HIT_HEADER] == "miss"


def test_resource_views_counted_in_redis_then_flushed(redis_cache, client, resource):
    for visitor in range(5):
        response = client.get(resource.url, REMOTE_ADDR=f"10.0.0.{visitor}")
        assert response.status_code == 200
    assert not PageViewDaily.objects.exists()
    assert flush_view_counts() == 5
    assert PageViewDaily.objects.get(page=resource).count == 5
    client.get(resource.url, REMOTE_ADDR="10.0.0.9")
    assert flush_view_counts() == 1
    assert PageViewDaily.objects.get(page=resource).count == 6
    assert cache.get(next(iter(_counter_keys(redis_cache)))) == 0


def _counter_keys(url):
    return [
        key.decode().split(":", 2)[-1]
        for key in redis.Redis.from_url(url).keys("*views:*")
    ]


def test_a_copy_is_kept_per_value_of_the_headers_the_answer_varies_on(rf):
    """A video lesson rendered for Save-Data (240p, no preload) says Vary: Save-Data;
    it must not be handed to a visitor without it, nor the other way round."""
    from django.http import HttpResponse
    from django.utils.cache import patch_vary_headers

    from cms.page_cache import PageCacheMiddleware

    cache.clear()
    renders = []

    def view(request):
        request.page_cache_allowed = True
        renders.append(request.headers.get("Save-Data", ""))
        response = HttpResponse(f"saver={request.headers.get('Save-Data', '')}")
        patch_vary_headers(response, ["Save-Data"])
        return response

    middleware = PageCacheMiddleware(view)

    def get(**headers):
        request = rf.get("/bai-hoc/", **headers)
        request.LANGUAGE_CODE = "vi"
        response = middleware(request)
        return response.content.decode(), response[HIT_HEADER]

    assert get(HTTP_SAVE_DATA="on") == ("saver=on", "miss")
    assert get() == ("saver=", "miss")
    assert get(HTTP_SAVE_DATA="on") == ("saver=on", "hit")
    assert get() == ("saver=", "hit")
    assert renders == ["on", ""]

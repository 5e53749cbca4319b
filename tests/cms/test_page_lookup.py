"""The site, the page at an address and whether pages are private, remembered per
process under the page cache's version token (cms/page_lookup.py,
cms/view_restrictions.py, cms/process_memo.py)."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from cms.models import LessonPage
from cms.page_cache import HIT_HEADER
from cms.page_lookup import site_root_paths
from cms.process_memo import ProcessMemo


def tables_read(client, url, *, status=200) -> list[str]:
    """The tables the request's SELECTs read from (first FROM of each)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == status, url
    return [
        q["sql"].split(' FROM "', 1)[1].split('"', 1)[0]
        for q in queries
        if q["sql"].startswith("SELECT") and ' FROM "' in q["sql"]
    ]


@pytest.fixture
def lesson(course):
    return LessonPage.objects.child_of(course).live().order_by("path").first()


def test_a_page_is_found_in_one_query_and_no_site_or_restriction_lookup(client, lesson):
    """Once seen: no site lookup, no walk, no view-restriction query."""
    client.get(lesson.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(lesson.url).status_code == 200
    sql = [q["sql"] for q in queries]
    assert not any('FROM "wagtailcore_site"' in s for s in sql)
    assert not any('FROM "wagtailcore_pageviewrestriction"' in s for s in sql)
    # Its own typed row (the lesson's table joined to Wagtail's), by address.
    found = [s for s in sql if '"wagtailcore_page"."url_path" =' in s]
    assert len(found) == 1 and found[0].startswith('SELECT "wagtailcore_page"."id"')
    assert 'FROM "cms_lessonpage"' in found[0]


def test_a_changed_site_is_read_again(client, lesson):
    """Saving a site (its host, its root page) changes the token: looked up anew."""
    tables_read(client, lesson.url)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Học tập cộng đồng"
    site.save()
    assert "wagtailcore_site" in tables_read(client, lesson.url)


def test_a_renamed_page_moves_and_its_old_address_is_gone(client, lesson):
    """A remembered address is only a hint: the row read decides."""
    old_url = lesson.url
    tables_read(client, old_url)
    lesson.slug = "bai-moi"
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    assert lesson.url != old_url
    assert client.get(old_url).status_code == 404
    assert client.get(lesson.url).status_code == 200
    lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_a_page_made_private_after_being_served_asks_for_sign_in(
    client, settings, lesson
):
    """Also from the page cache: a new restriction changes the token."""
    settings.PAGE_CACHE_SECONDS = 600
    assert client.get(lesson.url)[HIT_HEADER] == "miss"
    assert client.get(lesson.url)[HIT_HEADER] == "hit"
    PageViewRestriction.objects.create(
        page=lesson.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(lesson.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "dang-nhap" in response["Location"]


def test_restrictions_of_ancestors_and_of_an_alias_source_apply(client, course, lesson):
    """One query finds them when some exist, the same ones as Wagtail's two."""
    group = Group.objects.create(name="Lớp riêng")
    on_course = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.GROUPS
    )
    on_course.groups.add(group)
    on_lesson = PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(lesson.url).status_code == 302
    tables = tables_read(client, lesson.url, status=302)
    assert tables.count("wagtailcore_pageviewrestriction") == 1
    alias = lesson.create_alias(parent=course.get_parent(), update_slug="ban-sao")
    for page in (lesson, course, course.get_parent().specific):
        ours = {r.pk for r in page.get_view_restrictions()}
        assert ours == {r.pk for r in Page.get_view_restrictions(page)}, page
    # An alias placed elsewhere has its source's restrictions and, unlike in
    # Wagtail (its source's own only), those of its source's ancestors: an alias
    # is no way round a private course (cms.page_access).
    wagtails = {r.pk for r in Page.get_view_restrictions(alias)}
    assert wagtails == {on_lesson.pk}
    assert {r.pk for r in alias.get_view_restrictions()} == {on_lesson.pk, on_course.pk}
    assert client.get(alias.url).status_code == 302
    on_lesson.delete()
    on_course.delete()
    assert client.get(lesson.url).status_code == 200
    assert client.get(alias.url).status_code == 200


def test_the_memo_forgets_everything_when_the_token_changes():
    memo = ProcessMemo(maxsize=2)
    assert memo.get("v1", "a", lambda: 1) == 1
    assert memo.get("v1", "a", lambda: 2) == 1
    assert memo.get("v2", "a", lambda: 3) == 3
    assert memo.get("v2", "none", lambda: None) is None
    assert memo.get("v2", "none", lambda: 4) == 4  # None was not kept
    memo.get("v2", "b", lambda: 5)
    assert memo.get("v2", "a", lambda: 6) == 6  # the oldest went past maxsize


def test_the_token_is_read_once_a_request(client, lesson, monkeypatch):
    """Site, root paths, address, restrictions and menu share one read of the
    shared cache (page addresses without the request may still read Wagtail's)."""
    client.get(lesson.url)
    reads = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    assert client.get(lesson.url).status_code == 200
    assert reads.count("pagecache:version") == 1


def test_the_sites_root_paths_follow_a_changed_site(lesson):
    """Remembered for page addresses, read anew once a site changes."""
    assert site_root_paths() == Site.get_site_root_paths()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "hoc.example.vn", 443
    site.save()
    assert [path.root_url for path in site_root_paths()] == ["https://hoc.example.vn"]


def test_a_page_read_by_its_remembered_sql_is_the_orms_page(course, lesson):
    """The row read with the SQL compiled once per page type is the page the ORM
    reads, every field loaded; a wrong address or a gone id finds nothing."""
    from cms.page_lookup import _specific

    for page in (lesson, course.get_parent().specific, Page.objects.get(depth=2)):
        page = page.specific
        content_type_id = page.content_type_id
        for _ in range(2):  # compiled, then remembered
            found = _specific(page.pk, content_type_id, page.url_path)
            assert type(found) is type(page)
            assert found.get_deferred_fields() == set()
            assert {
                field.attname: getattr(found, field.attname)
                for field in type(page)._meta.concrete_fields
            } == {
                field.attname: getattr(page, field.attname)
                for field in type(page)._meta.concrete_fields
            }
        assert _specific(page.pk, content_type_id, page.url_path + "x/") is None
        assert _specific(987654321, content_type_id, page.url_path) is None

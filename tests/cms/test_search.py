"""Site search: accent-, case- and punctuation-insensitive, ranked, filtered, paginated.

Runs on SQLite and on PostgreSQL (`.ci/with-postgres .venv/bin/pytest tests/cms`).
"""

import pytest

from cms.models import NewsIndexPage, NewsPage
from cms.search import SearchFilters, search_pages


def titles(results):
    return [page.title for page in results]


@pytest.mark.parametrize(
    "query", ["nong nghiep", "NÔNG NGHIỆP", "nông nghiệp", "Nông-nghiệp!"]
)
def test_diacritics_case_and_punctuation_do_not_matter(course, query):
    assert course.title in titles(search_pages(query))


@pytest.mark.parametrize("query", ["đạo ôn", "dao on", "ĐẠO ÔN?", "Dao-On"])
def test_d_with_stroke_folds_to_d(resource, query):
    assert titles(search_pages(query)) == [resource.title]


def test_lessons_and_news_are_searched(course, news):
    assert "Kỹ thuật trồng lúa cải tiến SRI: bài 3" in titles(search_pages("bai 3"))
    assert titles(search_pages("nguoi cao tuoi")) == [news.title]


def test_title_matches_rank_above_body_matches(home_page, course):
    index = NewsIndexPage.objects.child_of(home_page).first() or home_page.add_child(
        instance=NewsIndexPage(title="Tin", slug="tin")
    )
    index.add_child(
        instance=NewsPage(
            title="Họp thôn cuối năm",
            body=[{"type": "paragraph", "value": "<p>Bàn về vụ khoai lang.</p>"}],
        )
    )
    index.add_child(instance=NewsPage(title="Thu hoạch khoai lang"))
    assert titles(search_pages("khoai lang"))[0] == "Thu hoạch khoai lang"


def test_drafts_are_not_found(course):
    course.unpublish()
    assert course.title not in titles(search_pages("SRI"))


def test_filters(course, resource, news, subjects, target_group, licences):
    query = "lua"
    by_type = search_pages(query, SearchFilters(content_type="course"))
    assert titles(by_type) == [course.title]
    by_licence = search_pages(query, SearchFilters(licence="CC-BY-4.0"))
    assert titles(by_licence) == [resource.title]
    assert not search_pages(query, SearchFilters(licence="CC0-1.0"))
    by_subject = titles(search_pages(query, SearchFilters(subject="nong-nghiep")))
    assert course.title in by_subject and resource.title in by_subject
    assert len(by_subject) == 6  # the course, its four lessons, the resource
    assert not search_pages(query, SearchFilters(subject="suc-khoe"))
    by_group = titles(search_pages(query, SearchFilters(target_group="nong-dan")))
    assert resource.title not in by_group and course.title in by_group


def test_an_empty_query_finds_nothing(course):
    assert not search_pages("  ?! ")


def test_search_page_paginates_and_keeps_filters(client, home_page):
    index = home_page.add_child(instance=NewsIndexPage(title="Tin", slug="tin"))
    for number in range(12):
        index.add_child(instance=NewsPage(title=f"Hội thi văn nghệ số {number}"))
    response = client.get("/search/", {"q": "hoi thi van nghe", "type": "news"})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 12
    assert len(response.context["results"]) == 10
    html = response.content.decode()
    assert "q=hoi+thi+van+nghe&amp;type=news&amp;page=2" in html
    second = client.get(
        "/search/", {"q": "hoi thi van nghe", "type": "news", "page": 2}
    )
    assert len(second.context["results"]) == 2


def test_search_page_lists_results_with_links(client, course, resource):
    response = client.get("/search/", {"q": "ĐẠO ÔN"})
    html = response.content.decode()
    assert resource.url in html
    assert "1 kết quả" in html

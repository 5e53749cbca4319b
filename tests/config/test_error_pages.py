"""Refusals and missing pages answer in Vietnamese, inside the site's frame."""

import pytest


def test_forbidden_page_explains_in_vietnamese(client, resident):
    client.force_login(resident)
    response = client.get("/bao-cao/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Bạn không thể mở trang này" in html
    assert 'class="site-header"' in html


def test_missing_page_offers_search(client, home_page):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert "/search/" in html


@pytest.mark.urls("tests.config.urls_failing")
def test_server_error_apologises_in_vietnamese_without_details(
    db, client, django_assert_num_queries
):
    client.raise_request_exception = False
    with django_assert_num_queries(0):
        response = client.get("/hong/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Đã có lỗi xảy ra" in html
    assert "cms/css/site.css" in html
    assert "boom" not in html and "Traceback" not in html

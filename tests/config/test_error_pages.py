"""Refusals and missing pages answer in Vietnamese, inside the site's frame."""


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

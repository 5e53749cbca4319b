def test_home_page_renders_in_vietnamese(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert home_page.title in html


def test_admin_login_renders(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "Tên đăng nhập" in response.content.decode()


def test_admin_login_with_phone_number(client, resident):
    resident.is_staff = True
    resident.save()
    response = client.post(
        "/admin/login/", {"username": "0912 345 678", "password": "mat-khau-1"}
    )
    assert response.status_code == 302

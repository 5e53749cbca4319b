"""Law 91/2025: the privacy notice, optional-data consent, no-store personal pages,
and the log of staff views of a resident's data."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from cms.models import Village
from lms.models import AccessKind, Certificate, PersonalDataAccess
from lms.services.access_log import log_personal_data_access
from lms.services.classes import create_session
from lms.services.passwords import password_changed
from tests.lms.test_certificates import complete

pytestmark = pytest.mark.django_db

SIGN_UP = {
    "full_name": "Vàng Thị Sáu",
    "login": "0977111222",
    "password": "mot-mat-khau-dai",
    "password_again": "mot-mat-khau-dai",
    "commune_code": "03037",
    "commune_query": "Tả Van",
    "consent": "on",
}


def test_notice_is_public_and_in_vietnamese(client, home_page):
    response = client.get("/quyen-rieng-tu/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "91/2025/QH15" in html
    for heading in ["Mục đích xử lý dữ liệu", "Chúng tôi lưu gì", "Ai được xem"]:
        assert heading in html
    assert "Lưu giữ trong bao lâu" in html and "10 năm" in html
    assert "Quyền khiếu nại" in html


def test_notice_shows_operator_and_own_centre_contacts(
    client, resident, centre, settings
):
    settings.PRIVACY_CONTACT_EMAIL = "baove-dulieu@example.vn"
    centre.phone = "0214 3871 234"
    centre.save()
    assert "0214 3871 234" not in client.get("/quyen-rieng-tu/").content.decode()
    client.force_login(resident)
    html = client.get("/quyen-rieng-tu/").content.decode()
    assert "0214 3871 234" in html and centre.name in html
    assert "baove-dulieu@example.vn" in html


def test_notice_linked_from_sign_up_and_every_footer(client, home_page):
    assert 'href="/quyen-rieng-tu/"' in client.get("/dang-ky/").content.decode()
    footer = client.get("/").content.decode().split('class="site-footer"')[1]
    assert 'href="/quyen-rieng-tu/"' in footer


def test_optional_data_is_kept_only_with_its_own_consent(client, commune):
    html = client.get("/dang-ky/").content.decode()
    assert 'name="optional_consent"' in html
    assert 'name="optional_consent" checked' not in html
    refused = client.post("/dang-ky/", {**SIGN_UP, "birth_year": "1980"})
    assert refused.status_code == 200
    assert not get_user_model().objects.filter(phone="0977111222").exists()
    client.post(
        "/dang-ky/",
        {
            **SIGN_UP,
            "birth_year": "1980",
            "target_group": "farmer",
            "optional_consent": "on",
        },
    )
    user = get_user_model().objects.get(phone="0977111222")
    assert user.birth_year == 1980 and user.target_group == "farmer"
    assert user.optional_data_consent_at is not None
    assert user.data_consent_at is not None


def test_sign_up_without_optional_data_records_no_optional_consent(client, commune):
    assert client.post("/dang-ky/", SIGN_UP).status_code == 302
    user = get_user_model().objects.get(phone="0977111222")
    assert user.optional_data_consent_at is None and user.birth_year is None


def test_optional_consent_given_on_data_page_and_withdrawn(client, resident):
    village = Village.objects.create(commune=resident.commune, name="Thôn Lồ")
    client.force_login(resident)
    refused = client.post(
        reverse("lms:optional-data"), {"birth_year": "1975", "village": village.pk}
    )
    assert refused.status_code == 400
    resident.refresh_from_db()
    assert resident.birth_year is None
    client.post(
        reverse("lms:optional-data"),
        {
            "birth_year": "1975",
            "target_group": "elderly",
            "village": village.pk,
            "optional_consent": "on",
        },
    )
    resident.refresh_from_db()
    assert (resident.birth_year, resident.village, resident.target_group) == (
        1975,
        village,
        "elderly",
    )
    assert resident.optional_data_consent_at is not None
    export = json.loads(client.get(reverse("lms:export")).content)
    assert export["consents"]["optional_data_consent_at"]
    client.post(reverse("lms:withdraw-optional-data"))
    resident.refresh_from_db()
    assert resident.optional_data_consent_at is None
    assert resident.birth_year is None and resident.village is None
    assert resident.target_group == "other"


@pytest.mark.parametrize(
    "url",
    [
        "/hoc-tap-cua-toi/",
        "/hoc-tap-cua-toi/du-lieu/",
        "/hoc-tap-cua-toi/du-lieu.json",
        "/cong-dan-hoc-tap/",
    ],
)
def test_personal_pages_are_not_stored(client, resident, home_page, url):
    client.force_login(resident)
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_staff_pages_with_residents_are_not_stored(client, staff, centre, resident):
    session = create_session(
        centre=centre,
        created_by=staff,
        topic="Pháp luật",
        date=datetime.date(2026, 3, 2),
        hours=2,
    )
    client.force_login(staff)
    for url in [
        reverse("lms:staff-attendance", args=[session.pk]),
        reverse("lms:staff-temporary-password"),
    ]:
        assert "no-store" in client.get(url)["Cache-Control"]


def test_temporary_password_page_logs_the_view(client, staff, centre, resident):
    client.force_login(staff)
    client.post(reverse("lms:staff-temporary-password"), {"login": resident.phone})
    access = PersonalDataAccess.objects.get(subject=resident)
    assert access.viewer == staff and access.what == AccessKind.TEMPORARY_PASSWORD
    assert access.viewer_commune == staff.commune
    resident.refresh_from_db()  # the temporary password changed the session hash
    password_changed(resident)  # they chose their own at the next sign-in
    client.force_login(resident)
    page = client.get(reverse("lms:my-data"))
    assert page.status_code == 200, page
    html = page.content.decode()
    assert "Ai đã xem dữ liệu của tôi" in html
    assert staff.full_name in html and "Mật khẩu tạm" in html
    export = json.loads(client.get(reverse("lms:export")).content)
    assert export["data_access_log"][0]["viewer"] == staff.full_name
    assert export["data_access_log"][0]["what"] == "temporary_password"


def test_attendance_list_logs_each_resident_once(client, staff, centre, resident):
    session = create_session(
        centre=centre,
        created_by=staff,
        topic="Pháp luật",
        date=datetime.date(2026, 3, 2),
        hours=2,
    )
    client.force_login(staff)
    client.post(
        reverse("lms:staff-attendance", args=[session.pk]),
        {"people": resident.phone},
    )
    client.get(reverse("lms:staff-attendance", args=[session.pk]))
    client.get(reverse("lms:staff-attendance", args=[session.pk]))
    logged = PersonalDataAccess.objects.filter(
        subject=resident, what=AccessKind.ATTENDANCE_LIST
    )
    assert logged.count() == 1  # a reload is the same look
    assert "Pháp luật" in logged.get().detail
    assert not PersonalDataAccess.objects.filter(subject=staff).exists()


def test_own_data_is_never_logged(resident):
    assert (
        log_personal_data_access(viewer=resident, subject=resident, what="dossier")
        is None
    )
    assert not PersonalDataAccess.objects.exists()


def test_certificate_viewed_by_staff_is_logged_not_by_its_owner(
    client, staff, resident, enrolled, lessons
):
    complete(resident, lessons)
    url = f"/hoc-tap/chung-chi/{Certificate.objects.get().code}.pdf"
    client.force_login(resident)
    response = client.get(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert not PersonalDataAccess.objects.exists()
    client.force_login(staff)
    assert client.get(url).status_code == 200
    access = PersonalDataAccess.objects.get()
    assert (access.viewer, access.subject, access.what) == (
        staff,
        resident,
        AccessKind.CERTIFICATE,
    )


def test_enrol_list_logs_the_residents_named(client, staff, resident, course):
    client.force_login(staff)
    client.post(
        reverse("lms:staff-enrol"), {"course": course.pk, "people": resident.phone}
    )
    access = PersonalDataAccess.objects.get()
    assert access.subject == resident and access.what == AccessKind.ENROL_LIST
    assert access.detail == course.title

"""Certificates: issued on completion, a Vietnamese PDF, public check, revoking."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from lms.course_certificate import certificate_pdf
from lms.models import Certificate
from lms.services.certificates import revoke_certificate
from tests.lms.learning import mark_done, read_lesson, spend_time
from tests.lms.recognition.pdfs import assert_fonts_embedded


def complete(learner, lessons):
    """Read each (text) lesson for its reading time, which completes it."""
    for lesson in lessons:
        read_lesson(learner, lesson)


@pytest.fixture
def certificate(resident, enrolled, lessons):
    complete(resident, lessons)
    return Certificate.objects.get(learner=resident)


@pytest.mark.django_db
def test_certificate_issued_once_on_completion(resident, enrolled, lessons, centre):
    complete(resident, lessons[:1])
    assert not Certificate.objects.exists()
    complete(resident, lessons[1:2])
    certificate = Certificate.objects.get()
    assert certificate.enrolment == enrolled
    # Measured, not the course's estimate (3 h): 3 min of reading on each lesson.
    assert certificate.hours == Decimal("0.1")
    assert enrolled.course.estimated_hours == 3
    assert certificate.centre == centre
    assert len(certificate.code) == 12
    assert certificate.code.isalnum() and certificate.code.isupper()
    complete(resident, lessons)
    assert Certificate.objects.count() == 1


@pytest.mark.django_db
def test_pdf_text_keeps_vietnamese_diacritics(certificate):
    pdf = certificate_pdf(certificate, base_url="https://hoctap.example.vn/")
    reader = PdfReader(io.BytesIO(pdf))
    text = reader.pages[0].extract_text()
    for expected in [
        "Nguyễn Thị Hoa",
        "Trồng lúa nước an toàn",
        "Trung tâm học tập cộng đồng xã Tả Van",
        "CHỨNG NHẬN HOÀN THÀNH KHOÁ HỌC",
        certificate.code,
        f"https://hoctap.example.vn/verify/{certificate.code}/",
    ]:
        assert expected in text
    # Every font an embedded DejaVu serif subset (the official layout's face).
    assert all("DejaVuSerif" in name for name in assert_fonts_embedded(reader))


@pytest.mark.django_db
def test_owner_downloads_pdf_others_cannot(certificate, resident, other_resident):
    client = Client()
    client.force_login(resident)
    url = f"/hoc-tap/chung-chi/{certificate.code}.pdf"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    client.force_login(other_resident)
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_verify_page_shows_learner_course_centre_date_hours_status(
    certificate, resident, enrolled
):
    response = Client().get(f"/verify/{certificate.code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert resident.full_name in html
    assert certificate.course.title in html
    assert "Trung tâm học tập cộng đồng xã Tả Van" in html
    enrolled.refresh_from_db()
    completed = timezone.localtime(enrolled.completed_at).strftime("%d/%m/%Y")
    assert f"<dd data-completed>{completed}</dd>" in html
    assert "<dd data-hours>0,1</dd>" in html
    assert 'data-status="valid"' in html
    assert resident.phone not in html  # nothing personal beyond the name


@pytest.mark.django_db
def test_course_finished_by_clicking_alone_issues_no_certificate(
    resident, enrolled, lessons
):
    """ "I have finished this lesson" on each lesson, seconds apart: refused, no
    completion, no certificate; the refusal says what is missing."""
    results = [mark_done(resident, lesson) for lesson in lessons]
    assert {r.status for r in results} == {"rejected"}
    assert {r.detail["code"] for r in results} == {"rule_not_met"}
    enrolled.refresh_from_db()
    assert enrolled.completed_at is None and enrolled.percent == 0
    assert not Certificate.objects.exists()


@pytest.mark.django_db
def test_certificate_states_measured_hours_and_dates(resident, enrolled, lessons):
    spend_time(resident, lessons[0], 1800)  # 30 min: over the reading time, capped 9
    complete(resident, lessons[1:2])
    certificate = Certificate.objects.get()
    assert certificate.hours == Decimal("0.2")  # 9 min + 3 min = 0.2 h, not 3 h
    text = (
        PdfReader(io.BytesIO(certificate_pdf(certificate, base_url="https://x.vn/")))
        .pages[0]
        .extract_text()
    )
    assert "Số giờ học thực tế: 0,2" in text
    enrolled.refresh_from_db()
    enrolled_on = timezone.localtime(enrolled.enrolled_at).strftime("%d/%m/%Y")
    assert f"Ghi danh ngày {enrolled_on}" in text


@pytest.mark.django_db
def test_unknown_code_404(db):
    response = Client().get("/verify/NOPE2345XYZ9/")
    assert response.status_code == 404
    assert 'data-status="unknown"' in response.content.decode()


@pytest.mark.django_db
def test_revoke_needs_reason_and_shows_on_verify(certificate, staff):
    with pytest.raises(ValidationError):
        revoke_certificate(certificate=certificate, revoked_by=staff, reason="  ")
    revoke_certificate(certificate=certificate, revoked_by=staff, reason="Gian lận")
    certificate.refresh_from_db()
    assert certificate.revoked_by == staff
    html = Client().get(f"/verify/{certificate.code}/").content.decode()
    assert 'data-status="revoked"' in html
    assert "Gian lận" not in html


@pytest.mark.django_db
def test_revoked_certificate_is_no_longer_downloadable(certificate, resident, staff):
    client = Client()
    client.force_login(resident)
    url = f"/hoc-tap/chung-chi/{certificate.code}.pdf"
    assert client.get(url).status_code == 200
    assert url in client.get("/hoc-tap-cua-toi/").content.decode()
    revoke_certificate(certificate=certificate, revoked_by=staff, reason="Cấp nhầm")
    assert client.get(url).status_code == 404
    assert url not in client.get("/hoc-tap-cua-toi/").content.decode()


@pytest.mark.django_db
def test_staff_revoke_view_scoped_to_commune(
    certificate, staff, far_staff, other_centre
):
    url = f"/quan-ly/chung-chi/{certificate.code}/thu-hoi/"
    client = Client()
    client.force_login(far_staff)
    assert client.post(url, {"reason": "x"}).status_code == 404
    client.force_login(staff)
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert not Certificate.objects.get(pk=certificate.pk).revoked_at
    response = client.post(url, {"reason": "Cấp nhầm người"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Cấp nhầm người"

"""Certificates: issued on completion, a Vietnamese PDF, public check, revoking."""

import io
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from lms.models import Certificate
from lms.services.certificates import certificate_pdf, revoke_certificate
from lms.services.events import record_event


def complete(learner, lessons):
    for lesson in lessons:
        record_event(
            learner=learner,
            data={
                "id": str(uuid.uuid4()),
                "type": "lesson.completed",
                "lesson": lesson.pk,
                "at": timezone.now().isoformat(),
            },
        )


@pytest.fixture
def certificate(resident, enrolled, lessons):
    complete(resident, lessons)
    return Certificate.objects.get(learner=resident)


@pytest.mark.django_db
def test_certificate_issued_once_on_completion(resident, enrolled, lessons, centre):
    complete(resident, lessons[:1])
    assert not Certificate.objects.exists()
    complete(resident, lessons)
    certificate = Certificate.objects.get()
    assert certificate.enrolment == enrolled
    assert certificate.hours == enrolled.course.estimated_hours
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
    fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
    dejavu = [f for f in fonts if "DejaVuSans" in f["/BaseFont"]]
    assert dejavu
    for font in dejavu:
        assert "/FontFile2" in font["/FontDescriptor"].get_object()  # embedded TTF


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
def test_verify_page_shows_name_course_validity_only(certificate, resident):
    response = Client().get(f"/verify/{certificate.code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert resident.full_name in html
    assert certificate.course.title in html
    assert 'data-status="valid"' in html
    assert resident.phone not in html
    assert "Tả Van" not in html  # no place or centre: nothing beyond name and course


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

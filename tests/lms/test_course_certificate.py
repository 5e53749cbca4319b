"""The course-completion certificate in the official layout: the centre under its
commune's People's Committee, quốc hiệu and tiêu ngữ, place and date over the
director's signature, and the QR code that leads to the verify page."""

import io
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from lms.course_certificate import certificate_pdf
from lms.models import Certificate
from lms.official_layout import MOTTO, NATION, date_words
from tests.lms.learning import read_lesson
from tests.lms.recognition.pdfs import (
    assert_fonts_embedded,
    flat_text,
    link_targets,
    page_lines,
)

pytestmark = pytest.mark.django_db
BASE = "https://hoctap.example.vn/"


@pytest.fixture
def certificate(resident, enrolled, lessons):
    for lesson in lessons:
        read_lesson(resident, lesson)
    return Certificate.objects.select_related("centre__commune").get(learner=resident)


def _reader(certificate) -> PdfReader:
    return PdfReader(io.BytesIO(certificate_pdf(certificate, base_url=BASE)))


def test_header_names_the_centre_under_its_commune_and_the_nation(certificate):
    reader = _reader(certificate)
    assert len(reader.pages) == 1
    lines = page_lines(reader.pages[0])
    # Each stands on its own line, as on the recognition certificate.
    for line in (
        "UỶ BAN NHÂN DÂN XÃ TẢ VAN",
        "TRUNG TÂM HỌC TẬP CỘNG ĐỒNG XÃ TẢ VAN",
        NATION,
        MOTTO,
        "GIẤY CHỨNG NHẬN HOÀN THÀNH KHOÁ HỌC",
        "Trung tâm học tập cộng đồng xã Tả Van",
        "chứng nhận",
        "Nguyễn Thị Hoa",
        "đã hoàn thành khoá học",
        "Trồng lúa nước an toàn",
        "GIÁM ĐỐC",
        f"Mã xác thực: {certificate.code}",
    ):
        assert line in lines, line
    issued = timezone.localtime(certificate.issued_at).date()
    assert f"Tả Van, {date_words(issued)}" in lines
    assert "Số giờ học thực tế: 0,1 giờ" in flat_text(reader)


def test_fonts_are_embedded_serif_faces_with_italics(certificate):
    fonts = assert_fonts_embedded(_reader(certificate))
    assert all("DejaVuSerifCondensed" in name for name in fonts)
    assert any("Italic" in name for name in fonts)  # the centre, place and date


def test_qr_code_and_address_lead_to_the_verify_page(certificate):
    reader = _reader(certificate)
    url = f"{BASE}verify/{certificate.code}/"
    assert link_targets(reader.pages) == [url]
    assert len(reader.pages[0].images) == 1  # the QR code
    assert f"Kiểm tra: {url}" in flat_text(reader)
    response = Client().get(urlsplit(url).path)
    assert response.status_code == 200
    assert 'data-status="valid"' in response.content.decode()


def test_a_certificate_without_a_centre_names_no_body(certificate):
    certificate.centre = None
    certificate.save(update_fields=["centre"])
    lines = page_lines(_reader(certificate).pages[0])
    text = "\n".join(lines)
    assert "UỶ BAN NHÂN DÂN" not in text and "TRUNG TÂM" not in text
    assert NATION in lines
    issued = timezone.localtime(certificate.issued_at).date()
    assert date_words(issued) in lines  # the date alone, no place


def test_a_long_centre_name_wraps_inside_the_left_half(certificate):
    certificate.centre.name = (
        "Trung tâm học tập cộng đồng phường Hoàng Văn Thụ thành phố Lạng Sơn"
    )
    lines = page_lines(_reader(certificate).pages[0])
    assert NATION in lines  # the quốc hiệu keeps its line
    header = [line for line in lines if line.isupper() and "TRUNG TÂM" in line]
    assert header and "LẠNG SƠN" not in header[0]  # wrapped after the first line
    assert any(line.endswith("LẠNG SƠN") for line in lines)

"""The recognition certificate in the official layout: authority, quốc hiệu and
tiêu ngữ, the decision's number and date, the place and date, the signer, and a QR
code to the verify page, in embedded fonts that extract as Vietnamese text."""

import io

import pytest
from pypdf import PdfReader

from lms.recognition.models import RecognisingAuthority

from .conftest import recognise, register_and_answer
from .pdfs import assert_fonts_embedded, flat_text, link_targets, page_lines

pytestmark = pytest.mark.django_db


@pytest.fixture
def recognised(learner, commune_officer):
    RecognisingAuthority.objects.filter(model="citizen", province=None).update(
        signer_name="Vàng Văn Sử"
    )
    dossier = register_and_answer(learner)
    recognise(dossier, commune_officer, number="07/QĐ-KH")
    return dossier


def test_certificate_carries_the_official_parts(client, recognised):
    client.force_login(recognised.person)
    response = client.get(f"/ho-so-hoc-tap/{recognised.pk}/giay-chung-nhan.pdf")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    lines = page_lines(reader.pages[0])
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert "Độc lập - Tự do - Hạnh phúc" in lines
    text = flat_text(reader)
    for part in (
        "HỘI KHUYẾN HỌC TỈNH LÀO CAI",
        "HỘI KHUYẾN HỌC XÃ TẢ VAN",
        "GIẤY CHỨNG NHẬN",
        "Giàng Thị Dung",
        "CÔNG DÂN HỌC TẬP NĂM 2026",
        "Theo Quyết định số 07/QĐ-KH ngày 20/12/2026",
        "Tả Van, ngày 20 tháng 12 năm 2026",
        "CHỦ TỊCH HỘI KHUYẾN HỌC",
        "Vàng Văn Sử",
        f"Mã xác thực: {recognised.public_code}",
    ):
        assert part in text, part
    url = f"http://testserver/cong-nhan/xac-thuc/{recognised.public_code}/"
    assert link_targets(reader.pages) == [url]
    assert len(reader.pages[0].images) == 1  # the QR code
    assert_fonts_embedded(reader)

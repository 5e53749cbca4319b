"""Recognition certificates carry a QR code to a public page that confirms them."""

import datetime
import io

import pytest
from pypdf import PdfReader

from lms.recognition.services import cycle

from .conftest import YEAR, register_and_answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def recognised(learner, commune_officer):
    dossier = register_and_answer(learner)
    cycle.accept(dossiers=[dossier], officer=commune_officer)
    dossier.refresh_from_db()
    cycle.recognise(
        dossiers=[dossier],
        officer=commune_officer,
        number="07/QĐ-KH",
        date=datetime.date(YEAR, 12, 20),
    )
    dossier.refresh_from_db()
    return dossier


def test_public_page_confirms_name_title_year_and_authority(client, recognised):
    assert len(recognised.public_code) >= 12
    page = client.get(f"/cong-nhan/xac-thuc/{recognised.public_code}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-status="valid"' in html
    for text in ("Giàng Thị Dung", str(YEAR), "Hội Khuyến học xã Tả Van", "07/QĐ-KH"):
        assert text in html
    # Nothing personal beyond the name: no phone, no village.
    assert recognised.person.phone not in html
    assert recognised.village.name not in html


def test_revoked_recognition_says_so(client, recognised, commune_officer):
    cycle.revoke(dossier=recognised, officer=commune_officer, reason="Khai sai")
    html = client.get(f"/cong-nhan/xac-thuc/{recognised.public_code}/").content
    assert b'data-status="revoked"' in html


def test_unknown_or_unrecognised_code_is_not_found(client, learner):
    assert client.get("/cong-nhan/xac-thuc/khong-co/").status_code == 404


def test_certificate_prints_the_verify_address_and_its_qr_code(client, recognised):
    client.force_login(recognised.person)
    response = client.get(f"/ho-so-hoc-tap/{recognised.pk}/giay-chung-nhan.pdf")
    reader = PdfReader(io.BytesIO(response.content))
    page = reader.pages[0]
    assert f"/cong-nhan/xac-thuc/{recognised.public_code}/" in page.extract_text()
    assert len(page.images) == 1

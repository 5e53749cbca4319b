"""The recognition decision as a PDF in the official layout (Nghị định 30/2020),
with its annex, and who may download it."""

import datetime
import io
import re

import pytest
from pypdf import PdfReader

from accounts.roles import Role
from lms.recognition.decision_document import issuer
from lms.recognition.learning import record_learning
from lms.recognition.services import cycle

from .conftest import YEAR, officer, register_and_answer
from .pdfs import assert_fonts_embedded, link_targets

pytestmark = pytest.mark.django_db

NAMES = ["Giàng Thị Dung", "Lò Văn Páo", "Sùng A Chứ"]


@pytest.fixture
def decision(make_person, villages, course, sessions, commune_officer):
    dossiers = []
    for index, name in enumerate(NAMES):
        person = make_person(name, village=villages[index % 2])
        record_learning(
            person=person,
            year=YEAR,
            online_hours=18,
            courses=[course],
            classes=sessions,
            certificate=True,
        )
        dossiers.append(register_and_answer(person))
    cycle.accept(dossiers=dossiers, officer=commune_officer)
    for dossier in dossiers:
        dossier.refresh_from_db()
    return cycle.recognise(
        dossiers=dossiers,
        officer=commune_officer,
        number="05/QĐ-KH",
        date=datetime.date(YEAR, 12, 5),
        signer_name="Vàng Văn Sử",
    )


def _pdf(client, user, decision):
    client.force_login(user)
    return client.get(f"/cong-nhan/quyet-dinh/{decision.pk}/quyet-dinh.pdf")


def _text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_decision_has_the_official_header_articles_and_signer(
    client, commune_officer, decision
):
    response = _pdf(client, commune_officer, decision)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    lines = [line.strip() for line in reader.pages[0].extract_text().splitlines()]
    # Quốc hiệu and tiêu ngữ each stand on one line.
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert "Độc lập - Tự do - Hạnh phúc" in lines
    first = " ".join(" ".join(lines).split())  # other lines may wrap
    for line in (
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "HỘI KHUYẾN HỌC TỈNH LÀO CAI",  # the parent body, from the authority rows
        "HỘI KHUYẾN HỌC XÃ TẢ VAN",
        "Số: 05/QĐ-KH",
        f"Tả Van, ngày 05 tháng 12 năm {YEAR}",
        "QUYẾT ĐỊNH",
        f"Về việc công nhận danh hiệu “Công dân học tập” năm {YEAR}",
        "CHỦ TỊCH HỘI KHUYẾN HỌC XÃ TẢ VAN",
        "QUYẾT ĐỊNH:",
        "Nơi nhận:",
        "- Như Điều 3;",
        "- Lưu: VT.",
        "CHỦ TỊCH HỘI KHUYẾN HỌC",
        "Vàng Văn Sử",
    ):
        assert line in first, line
    assert re.search(r"Căn cứ .*677", first)  # the criteria set's legal source
    for article in ("Điều 1.", "Điều 2.", "Điều 3."):
        assert article in first
    assert "cho 3 công dân" in first


def test_annex_lists_everyone_with_village_commune_and_a_qr_link(
    client, commune_officer, decision
):
    reader = PdfReader(io.BytesIO(_pdf(client, commune_officer, decision).content))
    annex = "\n".join(page.extract_text() for page in reader.pages[1:])
    flat = " ".join(annex.split())
    assert "PHỤ LỤC" in annex
    assert f"Kèm theo Quyết định số 05/QĐ-KH ngày 05/12/{YEAR}" in flat
    assert "TT" in annex and "Họ và tên" in annex and "Mã xác thực" in annex
    lines = [line.strip() for line in annex.splitlines()]
    for dossier in decision.dossiers.select_related("village", "commune"):
        # One row: number, name, village, commune, verification code.
        at = lines.index(dossier.subject_name)
        assert lines[at - 1].isdigit()
        assert lines[at + 1 : at + 4] == [
            dossier.village.name,
            dossier.commune.name,
            dossier.public_code,
        ]
    links = link_targets(reader.pages[1:])
    assert sorted(links) == sorted(
        f"http://testserver/cong-nhan/xac-thuc/{d.public_code}/"
        for d in decision.dossiers.all()
    )
    assert sum(len(page.images) for page in reader.pages[1:]) == len(NAMES)


def test_annex_header_row_repeats_on_every_page(
    client, commune_officer, decision, django_assert_max_num_queries
):
    # 3 subjects fit on one page; a long list is laid out with the same code path,
    # so stretch the annex by giving the decision many more recognised subjects.
    long_names = [f"Người số {n:02d}" for n in range(40)]
    dossier = decision.dossiers.first()
    for name in long_names:
        dossier.pk, dossier.subject_key = None, f"x-{name}"
        dossier.subject_name, dossier.public_code = name, f"code{len(name)}{name[-2:]}"
        dossier.save()
    client.force_login(commune_officer)
    with django_assert_max_num_queries(5):  # session, user, decision, dossiers
        response = client.get(f"/cong-nhan/quyet-dinh/{decision.pk}/quyet-dinh.pdf")
    reader = PdfReader(io.BytesIO(response.content))
    annex_pages = reader.pages[1:]
    assert len(annex_pages) >= 3
    for number, page in enumerate(annex_pages, start=2):
        text = page.extract_text()
        assert "Họ và tên" in text and "Mã xác thực" in text
        assert text.lstrip().startswith(str(number))  # page number at the top


def test_vietnamese_text_is_set_in_embedded_fonts(client, commune_officer, decision):
    reader = PdfReader(io.BytesIO(_pdf(client, commune_officer, decision).content))
    fonts = assert_fonts_embedded(reader)
    assert all("DejaVuSerif" in name for name in fonts)
    assert any("Italic" in name for name in fonts)  # place and date, legal bases


def test_issuer_does_not_repeat_the_body_in_the_title():
    assert issuer("Chủ tịch", "Uỷ ban nhân dân xã Tả Van") == (
        "Chủ tịch Uỷ ban nhân dân xã Tả Van"
    )
    assert issuer("Chủ tịch Hội Khuyến học", "Hội Khuyến học xã Tả Van") == (
        "Chủ tịch Hội Khuyến học xã Tả Van"
    )


def test_decision_page_links_the_pdf_and_lists_the_subjects(
    client, commune_officer, decision
):
    client.force_login(commune_officer)
    html = client.get(f"/cong-nhan/quyet-dinh/{decision.pk}/").content.decode()
    assert f"/cong-nhan/quyet-dinh/{decision.pk}/quyet-dinh.pdf" in html
    assert "Tải quyết định và phụ lục (PDF)" in html
    assert "Quyết định số 05/QĐ-KH" in html
    for name in NAMES:
        assert name in html


def test_dossier_page_links_its_decision(client, decision):
    dossier = decision.dossiers.first()
    client.force_login(dossier.person)
    html = client.get(f"/ho-so-hoc-tap/{dossier.pk}/").content.decode()
    assert f"/cong-nhan/quyet-dinh/{decision.pk}/" in html


@pytest.mark.parametrize(
    "who", ["commune_officer", "province_officer", "village_officer", "subject"]
)
def test_those_of_the_place_and_the_recognised_may_download(
    client, decision, who, request
):
    user = (
        decision.dossiers.first().person
        if who == "subject"
        else request.getfixturevalue(who)
    )
    assert _pdf(client, user, decision).status_code == 200


def test_another_communes_staff_and_other_residents_may_not(
    client, decision, other_commune, make_person, far_officer
):
    staff = officer("0900000009", commune=other_commune, role=Role.CENTRE_STAFF)
    neighbour = make_person("Hàng Thị Mỷ")
    for user in (staff, far_officer, neighbour):
        # 404 as for a missing decision: sequential ids say nothing of what exists.
        assert _pdf(client, user, decision).status_code == 404
        client.force_login(user)
        assert client.get(f"/cong-nhan/quyet-dinh/{decision.pk}/").status_code == 404
        missing = decision.pk + 1000
        assert client.get(f"/cong-nhan/quyet-dinh/{missing}/").status_code == 404
    client.logout()
    response = client.get(f"/cong-nhan/quyet-dinh/{decision.pk}/quyet-dinh.pdf")
    assert response.status_code == 302  # to the login page

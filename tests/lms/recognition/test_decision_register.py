"""The register of recognition decisions (sổ quyết định công nhận): who sees which
decisions, filters, order, pages, query count, and its XLSX in the official layout."""

import datetime
import io
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from accounts.roles import Role
from cms.models import Commune
from lms.official_layout import MOTTO, NATION
from lms.recognition.constants import DossierStatus, LearningModel
from lms.recognition.decision_register import RegisterFilter, register_decisions
from lms.recognition.models import CriteriaSet, Decision, Dossier
from lms.recognition.rules import visible_decisions

from .conftest import YEAR, officer, recognise, register_and_answer

pytestmark = pytest.mark.django_db

REGISTER = "/cong-nhan/quyet-dinh/"
XLSX = "/cong-nhan/quyet-dinh/so-quyet-dinh.xlsx"
_keys = itertools.count(1)


@pytest.fixture
def neighbour(commune):
    """Another commune of the same province (Lào Cai)."""
    return (
        Commune.objects.filter(province=commune.province)
        .exclude(pk=commune.pk)
        .order_by("code")
        .first()
    )


def make_decision(
    commune,
    *,
    number,
    date=datetime.date(YEAR, 12, 5),
    model=LearningModel.CITIZEN,
    year=YEAR,
    subjects=2,
    revoked=0,
    created_by,
):
    """A decision with ``subjects`` recognised dossiers, ``revoked`` of them since
    revoked: rows as the cycle leaves them, made directly for speed."""
    decision = Decision.objects.create(
        number=number,
        date=date,
        authority=f"Hội Khuyến học {commune.name}",
        signer_name="Vàng Văn Sử",
        signer_title="Chủ tịch",
        model=model,
        year=year,
        commune=commune,
        created_by=created_by,
    )
    criteria_set = CriteriaSet.objects.filter(model=model).first()
    for index in range(subjects):
        key = next(_keys)
        Dossier.objects.create(
            model=model,
            year=year,
            subject_key=f"register-{key}",
            subject_name=f"Người {key}",
            commune=commune,
            criteria_set=criteria_set,
            status=DossierStatus.REVOKED
            if index < revoked
            else DossierStatus.RECOGNISED,
            registered_at=datetime.datetime(year, 3, 1, tzinfo=datetime.UTC),
            decision=decision,
            public_code=f"reg{key:08d}",
        )
    return decision


@pytest.fixture
def decisions(commune, neighbour, other_commune, commune_officer):
    here = make_decision(commune, number="05/QĐ-KH", created_by=commune_officer)
    return {
        "here": here,
        "neighbour": make_decision(
            neighbour, number="07/QĐ-KH", created_by=commune_officer
        ),
        "far": make_decision(
            other_commune, number="09/QĐ-KH", created_by=commune_officer
        ),
    }


def listed(client, user, query="") -> set[str]:
    client.force_login(user)
    response = client.get(REGISTER + query)
    assert response.status_code == 200
    return {d.number for d in response.context["decisions"]}


def test_commune_staff_and_officers_see_their_own_commune_only(
    client, decisions, commune_officer, staff, village_officer, far_officer, far_staff
):
    for user in (commune_officer, staff, village_officer):
        assert listed(client, user) == {"05/QĐ-KH"}
    for user in (far_officer, far_staff):
        assert listed(client, user) == {"09/QĐ-KH"}


def test_province_officer_sees_every_commune_of_the_province(
    client, decisions, province_officer, neighbour
):
    assert listed(client, province_officer) == {"05/QĐ-KH", "07/QĐ-KH"}
    html = client.get(REGISTER).content.decode()
    assert neighbour.name in html  # a province's register names each commune


def test_an_officer_of_a_neighbouring_commune_sees_nothing_of_ours(
    client, decisions, neighbour
):
    theirs = officer("0900000009", commune=neighbour, role=Role.COMMUNE_OFFICER)
    assert listed(client, theirs) == {"07/QĐ-KH"}


def test_residents_and_visitors_never_see_the_register(client, decisions, learner):
    client.force_login(learner)
    assert client.get(REGISTER).status_code == 403
    assert client.get(XLSX).status_code == 403
    client.logout()
    assert client.get(REGISTER).status_code == 302  # to the sign-in page
    assert client.get(XLSX).status_code == 302


def test_the_register_lists_exactly_the_decisions_the_rule_lets_them_read(
    decisions, commune_officer, staff, village_officer, far_officer, province_officer
):
    """``visible_decisions`` is the queryset face of ``recognition.view_decision``."""
    for user in (
        commune_officer,
        staff,
        village_officer,
        far_officer,
        province_officer,
    ):
        visible = set(Decision.objects.filter(visible_decisions(user)))
        readable = {
            d
            for d in Decision.objects.all()
            if user.has_perm("recognition.view_decision", d)
        }
        assert visible == readable, user


def test_a_decision_made_by_the_cycle_is_listed_with_its_links(
    client, learner, commune_officer
):
    dossier = register_and_answer(learner)
    decision = recognise(dossier, commune_officer, number="12/QĐ-KH")
    client.force_login(commune_officer)
    html = client.get(REGISTER).content.decode()
    assert "Sổ quyết định công nhận" in html
    assert "Số 12/QĐ-KH" in html
    assert f'href="/cong-nhan/quyet-dinh/{decision.pk}/"' in html
    assert f'href="/cong-nhan/quyet-dinh/{decision.pk}/quyet-dinh.pdf"' in html
    assert "20/12/2026" in html and decision.authority in html
    assert "Công dân học tập 2026" in html
    # Reached from the officer's queue, the header and the decision's own page.
    assert f'href="{REGISTER}"' in client.get("/cong-nhan/").content.decode()
    assert (
        f'href="{REGISTER}"' in client.get(f"{REGISTER}{decision.pk}/").content.decode()
    )


def test_the_header_links_the_register_for_officers_not_residents(
    client, home_page, commune_officer, resident
):
    client.force_login(commune_officer)
    assert f'href="{REGISTER}"' in client.get("/").content.decode()
    client.force_login(resident)
    assert f'href="{REGISTER}"' not in client.get("/").content.decode()


def test_counts_recognised_subjects_and_the_revoked_among_them(
    client, commune, commune_officer
):
    make_decision(
        commune, number="01/QĐ-KH", subjects=3, revoked=1, created_by=commune_officer
    )
    client.force_login(commune_officer)
    response = client.get(REGISTER)
    [decision] = response.context["decisions"]
    assert (decision.recognised, decision.revoked) == (3, 1)
    assert "trong đó 1 đã bị thu hồi" in response.content.decode()


def test_filters_by_year_and_model(client, commune, commune_officer):
    make_decision(commune, number="1/QĐ-KH", year=2025, created_by=commune_officer)
    make_decision(commune, number="2/QĐ-KH", year=2026, created_by=commune_officer)
    make_decision(
        commune,
        number="3/QĐ-KH",
        year=2026,
        model=LearningModel.FAMILY,
        created_by=commune_officer,
    )
    assert listed(client, commune_officer, "?year=2026") == {"2/QĐ-KH", "3/QĐ-KH"}
    assert listed(client, commune_officer, "?model=family") == {"3/QĐ-KH"}
    assert listed(client, commune_officer, "?year=2026&model=citizen") == {"2/QĐ-KH"}
    # A year with no decision of theirs, or a made-up model, filters nothing.
    everything = {"1/QĐ-KH", "2/QĐ-KH", "3/QĐ-KH"}
    assert listed(client, commune_officer, "?year=1999&model=x") == everything
    years = client.get(REGISTER).context["form"].fields["year"].choices
    assert [value for value, _label in years] == ["", 2026, 2025]


def test_newest_first_and_paginated_keeping_the_filters(
    client, commune, commune_officer
):
    start = datetime.date(YEAR, 1, 1)
    for day in range(30):
        make_decision(
            commune,
            number=f"{day + 1}/QĐ-KH",
            date=start + datetime.timedelta(days=day),
            subjects=1,
            created_by=commune_officer,
        )
    client.force_login(commune_officer)
    first = client.get(REGISTER + "?year=2026")
    numbers = [d.number for d in first.context["decisions"]]
    assert numbers == [f"{n}/QĐ-KH" for n in range(30, 5, -1)]  # 25 newest
    html = first.content.decode()
    assert 'href="?year=2026&amp;page=2"' in html
    assert 'href="/cong-nhan/quyet-dinh/so-quyet-dinh.xlsx?year=2026"' in html
    second = client.get(REGISTER + "?year=2026&page=2")
    assert [d.number for d in second.context["decisions"]] == [
        f"{n}/QĐ-KH" for n in range(5, 0, -1)
    ]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("user_fixture", ["commune_officer", "province_officer"])
def test_query_count_does_not_grow_with_the_decisions(
    client, commune, user_fixture, request, django_assert_max_num_queries
):
    user = request.getfixturevalue(user_fixture)
    client.force_login(user)
    make_decision(commune, number="0/QĐ-KH", created_by=user)
    _queries(client, REGISTER)  # warm the process's memo of the site and menus
    few = _queries(client, REGISTER)
    for n in range(1, 25):
        make_decision(
            commune, number=f"{n}/QĐ-KH", subjects=3, revoked=1, created_by=user
        )
    # session, user, roles, permissions (2, for the header); the user's commune and
    # province, the years, the count and the page of decisions with their counts
    with django_assert_max_num_queries(10):
        response = client.get(REGISTER)
    assert len(response.context["decisions"]) == 25
    assert _queries(client, REGISTER) == few
    assert _queries(client, XLSX) <= few


def _cells(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_xlsx_is_the_register_in_the_official_layout(
    client, decisions, commune, commune_officer
):
    make_decision(
        commune,
        number="=HYPERLINK(1)",  # typed by someone as a formula: stays text
        date=datetime.date(YEAR, 12, 1),
        model=LearningModel.FAMILY,
        subjects=3,
        revoked=1,
        created_by=commune_officer,
    )
    client.force_login(commune_officer)
    response = client.get(XLSX)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    assert 'filename="so-quyet-dinh-cong-nhan.xlsx"' in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Sổ quyết định"]
    sheet = book.active
    rows = _cells(sheet)
    heading = [value for row in rows[:10] for value in row if value]
    for text in (
        "TỈNH LÀO CAI",
        "XÃ TẢ VAN",
        NATION,
        MOTTO,
        "SỔ QUYẾT ĐỊNH CÔNG NHẬN",
        "Danh sách quyết định công nhận danh hiệu học tập",
        "Năm công nhận: tất cả các năm",
        "Mô hình học tập: tất cả",
    ):
        assert text in heading, text
    assert any(str(v).startswith("Ngày lập biểu: ") for v in heading)
    assert rows[11] == [
        "STT",
        "Số, ký hiệu",
        "Ngày ký",
        "Cơ quan ban hành",
        "Công nhận danh hiệu",
        "Năm",
        "Xã, phường",
        "Số được công nhận",
        "Trong đó đã thu hồi",
    ]
    data = [row for row in rows[12:] if isinstance(row[0], int)]
    assert data == [
        [
            1,
            "05/QĐ-KH",
            datetime.datetime(YEAR, 12, 5),
            "Hội Khuyến học Xã Tả Van",
            "Công dân học tập",
            YEAR,
            "Xã Tả Van",
            2,
            0,
        ],
        [
            2,
            "'=HYPERLINK(1)",
            datetime.datetime(YEAR, 12, 1),
            "Hội Khuyến học Xã Tả Van",
            "Gia đình học tập",
            YEAR,
            "Xã Tả Van",
            3,
            1,
        ],
    ]  # newest first, only the commune's own
    assert sheet.cell(row=13, column=3).number_format == "dd/mm/yyyy"
    foot = [value for row in rows[14:] for value in row if value]
    assert any(str(v).startswith("Tả Van, ngày ") for v in foot)
    for text in ("Người lập biểu", "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)"):
        assert text in foot
    assert not any(
        merged.min_row >= 12 for merged in sheet.merged_cells.ranges
    )  # a plain table below the heading


def test_xlsx_keeps_the_filters_and_every_row(client, commune, province_officer):
    for n in range(30):
        make_decision(
            commune, number=f"{n}/QĐ-KH", subjects=1, created_by=province_officer
        )
    make_decision(
        commune,
        number="gd/QĐ-KH",
        model=LearningModel.FAMILY,
        created_by=province_officer,
    )
    client.force_login(province_officer)
    response = client.get(XLSX + "?year=2026&model=citizen")
    assert (
        'filename="so-quyet-dinh-cong-nhan-2026.xlsx"'
        in response["Content-Disposition"]
    )
    rows = _cells(load_workbook(io.BytesIO(response.content)).active)
    heading = [value for row in rows[:10] for value in row if value]
    assert "TỈNH LÀO CAI" in heading  # the province's register
    assert "Năm công nhận: 2026" in heading
    assert "Mô hình học tập: Công dân học tập" in heading
    numbers = [row[1] for row in rows[12:] if isinstance(row[0], int)]
    assert len(numbers) == 30 and "gd/QĐ-KH" not in numbers  # not only one page


def test_selector_orders_newest_first_then_latest_entered(commune, commune_officer):
    same_day = datetime.date(YEAR, 6, 1)
    first = make_decision(
        commune, number="a", date=same_day, created_by=commune_officer
    )
    second = make_decision(
        commune, number="b", date=same_day, created_by=commune_officer
    )
    found = list(register_decisions(commune_officer, RegisterFilter()))
    assert found == [second, first]

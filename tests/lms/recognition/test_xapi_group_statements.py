"""A family, clan, community or unit recognised by a decision: a Group's statement."""

import datetime
import json

import pytest

from accounts.roles import Role
from lms.recognition.models import Clan, Unit, UnitMembership
from lms.recognition.services import cycle
from lms.recognition.subjects import subject_for
from lms.xapi import statements
from lms.xapi.models import Statement, StatementStatus
from lms.xapi.sender import send_pending
from tests.conftest import free_port
from tests.lms.xapi.conftest import lrs, ralph  # noqa: F401 (fixtures)

from .conftest import YEAR, answer_all, household_of, officer

pytestmark = pytest.mark.django_db
SATISFIED = "https://w3id.org/xapi/adl/verbs/satisfied"


@pytest.fixture(autouse=True)
def xapi_enabled(settings):
    settings.XAPI_LRS_URL = f"http://127.0.0.1:{free_port()}/xAPI"


@pytest.fixture
def staff(commune):
    return officer("0900000020", commune=commune, role=Role.CENTRE_STAFF)


@pytest.fixture
def family(make_person):
    head = make_person("Giàng A Lử")
    wife = make_person("Sùng Thị Mỷ")
    return household_of(head, wife), (head, wife)


def recognise_subject(model, obj, *, staff, officer_, number="21/QĐ-UBND"):
    """Register, self-assess, submit, accept and recognise (with a written reason:
    the test's subjects have no learning behind them)."""
    dossier = cycle.register(subject=subject_for(model, obj), year=YEAR, actor=staff)
    answer_all(dossier, staff)
    cycle.submit(dossier=dossier, actor=staff)
    cycle.accept(dossiers=[dossier], officer=officer_)
    dossier.refresh_from_db()
    decision = cycle.recognise(
        dossiers=[dossier],
        officer=officer_,
        number=number,
        date=datetime.date(YEAR, 12, 20),
        override_reason="Đã kiểm tra hồ sơ giấy tại xã",
    )
    dossier.refresh_from_db()
    return dossier, decision


def test_family_recognition_is_told_by_an_identified_group(
    family, staff, commune_officer
):
    """The household is the actor: an account under a keyed hash, its members as
    the same pseudonymous agents their own statements carry; never a name."""
    household, people = family
    dossier, decision = recognise_subject(
        "family", household, staff=staff, officer_=commune_officer
    )
    [row] = Statement.objects.filter(verb="satisfied")
    statement = row.data
    assert row.learner is None and row.record == f"recognition:{dossier.pk}"
    assert statement["id"] == str(
        statements.statement_id("recognised", dossier.pk, decision.pk)
    )
    group = statement["actor"]
    assert set(group) == {"objectType", "account", "member"}
    assert group["objectType"] == "Group"
    assert group["account"] == {
        "homePage": statements.base_url(),
        "name": statements.group_pseudonym(f"household:{household.pk}"),
    }
    names = [member["account"]["name"] for member in group["member"]]
    assert names == sorted(statements.pseudonym(p.pk) for p in people)
    assert all(member["objectType"] == "Agent" for member in group["member"])
    assert statement["verb"]["id"] == SATISFIED
    extensions = statement["context"]["extensions"]
    assert extensions[statements.extension("decision-number")] == "21/QĐ-UBND"
    assert extensions[statements.extension("decision-date")] == f"{YEAR}-12-20"
    assert extensions[statements.extension("authority")] == decision.authority
    assert statement["object"]["id"].endswith(f"/recognition/family/{YEAR}")
    text = json.dumps(statement, ensure_ascii=False)
    for trace in (household.name, *(p.full_name for p in people)):
        assert trace not in text
    for person in people:
        assert person.phone not in text


def test_group_and_person_of_the_same_row_id_are_different_accounts(resident):
    """Person 5 and household 5 never share an account name."""
    pk = resident.pk
    assert statements.group_pseudonym(f"household:{pk}") != statements.pseudonym(pk)
    assert statements.group_pseudonym(f"household:{pk}") != (
        statements.group_pseudonym(f"unit:{pk}")
    )


def test_clan_members_are_the_people_of_its_households(
    family, make_person, staff, commune_officer, commune
):
    household, people = family
    other = household_of(make_person("Giàng A Páo"), name="Hộ Giàng A Páo")
    clan = Clan.objects.create(name="Dòng họ Giàng", commune=commune)
    clan.households.add(household, other)
    recognise_subject("clan", clan, staff=staff, officer_=commune_officer)
    [row] = Statement.objects.filter(verb="satisfied")
    expected = {statements.pseudonym(p.pk) for p in people}
    expected.add(statements.pseudonym(other.head_id))
    assert {m["account"]["name"] for m in row.data["actor"]["member"]} == expected


def test_unit_members_are_its_current_members(
    make_person, staff, commune_officer, commune
):
    unit = Unit.objects.create(name="Trường Tiểu học Tả Van", commune=commune)
    teacher, gone = make_person("Lò Văn Tâm"), make_person("Vàng Thị Sua")
    UnitMembership.objects.create(
        unit=unit, person=teacher, joined_on=datetime.date(2020, 9, 1)
    )
    UnitMembership.objects.create(
        unit=unit,
        person=gone,
        joined_on=datetime.date(2019, 9, 1),
        left_on=datetime.date(2021, 6, 1),
    )
    recognise_subject("unit", unit, staff=staff, officer_=commune_officer)
    [row] = Statement.objects.filter(verb="satisfied")
    assert [m["account"]["name"] for m in row.data["actor"]["member"]] == [
        statements.pseudonym(teacher.pk)
    ]


def test_a_community_is_a_group_without_a_member_list(villages, staff, commune_officer):
    """A village's population is every resident there, not a roll: no members."""
    recognise_subject("community", villages[0], staff=staff, officer_=commune_officer)
    [row] = Statement.objects.filter(verb="satisfied")
    assert row.data["actor"] == {
        "objectType": "Group",
        "account": {
            "homePage": statements.base_url(),
            "name": statements.group_pseudonym(f"village:{villages[0].pk}"),
        },
    }


def test_revoking_before_sending_drops_the_statement(family, staff, commune_officer):
    dossier, _decision = recognise_subject(
        "family", family[0], staff=staff, officer_=commune_officer
    )
    cycle.revoke(dossier=dossier, officer=commune_officer, reason="Khai sai.")
    assert not Statement.objects.exists()


def test_group_recognition_accepted_read_back_and_voided_by_the_lrs(
    lrs,  # noqa: F811
    family,
    staff,
    commune_officer,
):
    """Ralph stores the Group's statement as sent (members included); a re-send is
    stored once; revoking sends `voided`, which Ralph stores too."""
    dossier, _decision = recognise_subject(
        "family", family[0], staff=staff, officer_=commune_officer
    )
    assert send_pending().sent == 1
    told = Statement.objects.get(verb="satisfied")
    assert told.status == StatementStatus.SENT
    stored = lrs.statement(told.pk)
    assert stored["actor"]["objectType"] == "Group"
    assert stored["actor"]["account"] == told.data["actor"]["account"]
    assert sorted(m["account"]["name"] for m in stored["actor"]["member"]) == sorted(
        m["account"]["name"] for m in told.data["actor"]["member"]
    )
    assert stored["context"]["extensions"] == told.data["context"]["extensions"]
    # Its answer was lost: sent again, stored once.
    Statement.objects.update(status=StatementStatus.PENDING, sent_at=None)
    assert send_pending().sent == 1
    assert lrs.stored_copies(told.pk) == 1

    cycle.revoke(dossier=dossier, officer=commune_officer, reason="Khai sai.")
    voiding = Statement.objects.get(verb="voided")
    assert voiding.learner is None
    assert voiding.data["actor"] == told.data["actor"]
    assert send_pending().sent == 1
    stored_void = lrs.statement(voiding.pk)
    assert stored_void["verb"]["id"] == "http://adlnet.gov/expapi/verbs/voided"
    assert stored_void["object"] == {"objectType": "StatementRef", "id": str(told.pk)}

"""A household head, clan representative or unit head erasing their data withdraws
every credential naming them, and none is minted afterwards (finding 1)."""

import datetime

import pytest

from lms.credentials import status_list
from lms.credentials.issuance import credential_for_dossier, names_an_erased_person
from lms.credentials.models import IssuedCredential
from lms.recognition.models import Clan, Unit
from lms.recognition.services import cycle
from lms.recognition.subjects import subject_for
from lms.services.privacy import anonymise
from tests.lms.credentials.conftest import YEAR, answer_all, household_of

pytestmark = pytest.mark.django_db

HEAD = "Giàng A Lử"


def _subject(model, head, make_person):
    household = household_of(head, make_person("Giàng Thị Mai"))
    if model == "family":
        return household
    if model == "clan":
        clan = Clan.objects.create(
            name="Dòng họ Giàng", commune=head.commune, representative=head
        )
        clan.households.add(household)
        return clan
    return Unit.objects.create(
        name="Trường Tiểu học Tả Van", kind="school", commune=head.commune, head=head
    )


def _recognised(model, head, make_person, officer):
    obj = _subject(model, head, make_person)
    dossier = cycle.register(subject=subject_for(model, obj), year=YEAR, actor=head)
    answer_all(dossier, head)
    cycle.submit(dossier=dossier, actor=head)
    cycle.accept(dossiers=[dossier], officer=officer)
    dossier.refresh_from_db()
    cycle.recognise(
        dossiers=[dossier],
        officer=officer,
        number="08/QĐ-UBND",
        date=datetime.date(YEAR, 12, 21),
        override_reason="Thử nghiệm: hồ sơ giấy đã kiểm tra",
    )
    dossier.refresh_from_db()
    return dossier


def _bit(credential) -> bool:
    entry = status_list.entry(credential.issuer, credential.status_index)
    number = credential.status_index // status_list.LIST_BITS + 1
    document = status_list.status_list_credential(credential.issuer, number)
    bits = status_list.decode(document["credentialSubject"]["encodedList"])
    return status_list.bit_is_set(bits, int(entry["statusListIndex"]))


@pytest.mark.parametrize("model", ["family", "clan", "unit"])
def test_erasing_the_head_withdraws_the_credential(
    client, model, make_person, commune_officer
):
    head = make_person(HEAD)
    dossier = _recognised(model, head, make_person, commune_officer)
    credential = credential_for_dossier(dossier)
    url = f"/cong-nhan/xac-thuc/{dossier.public_code}/credential.json"
    assert client.get(url).status_code == 200
    assert not _bit(credential)

    anonymise(user=head)

    credential.refresh_from_db()
    assert credential.erased_at is not None
    assert credential.document == {}
    assert _bit(credential)
    response = client.get(url)
    assert response.status_code == 404
    assert HEAD not in response.content.decode()
    dossier.refresh_from_db()
    assert names_an_erased_person(dossier)


@pytest.mark.parametrize("model", ["family", "clan", "unit"])
def test_no_credential_is_minted_after_the_head_erased_their_data(
    client, model, make_person, commune_officer
):
    head = make_person(HEAD)
    dossier = _recognised(model, head, make_person, commune_officer)
    anonymise(user=head)
    dossier.refresh_from_db()
    assert names_an_erased_person(dossier)
    url = f"/cong-nhan/xac-thuc/{dossier.public_code}/credential.json"
    assert client.get(url).status_code == 404
    assert not IssuedCredential.objects.filter(dossier=dossier).exists()


def test_a_member_erasing_leaves_the_family_credential_valid(
    client, make_person, commune_officer
):
    """Only who the credential names counts: a member is not named."""
    head = make_person(HEAD)
    dossier = _recognised("family", head, make_person, commune_officer)
    credential = credential_for_dossier(dossier)
    member = dossier.household.memberships.exclude(person=head).get().person
    anonymise(user=member)
    credential.refresh_from_db()
    assert credential.erased_at is None and not _bit(credential)
    dossier.refresh_from_db()
    assert not names_an_erased_person(dossier)

"""Recognition fixtures: villages, residents with learning, officers by level."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.roles import Role, group_for
from cms.models import Village
from lms.recognition.learning import class_sessions, record_learning
from lms.recognition.models import Household, HouseholdMembership, Indicator
from lms.recognition.services import cycle
from lms.recognition.subjects import subject_for

YEAR = 2026
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_file(name="minh-chung.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def villages(commune):
    return [
        Village.objects.get_or_create(commune=commune, name=name)[0]
        for name in ["Tả Van Giáy 1", "Tả Van Mông"]
    ]


@pytest.fixture
def make_person(commune, villages):
    counter = iter(range(100, 999))

    def make(name, *, village=None, birth_year=1985, target_group="farmer", **kw):
        return get_user_model().objects.create_user(
            phone=f"0915{next(counter):06d}",
            full_name=name,
            commune=kw.get("commune", commune),
            village=village or villages[0],
            birth_year=birth_year,
            target_group=target_group,
        )

    return make


@pytest.fixture
def sessions(centre):
    return class_sessions(
        centre=centre, year=YEAR, topics=["Pháp luật", "Chăn nuôi", "Kỹ năng số"]
    )


@pytest.fixture
def learner(make_person, course, sessions):
    """A resident whose learning meets every computed indicator."""
    person = make_person("Giàng Thị Dung")
    record_learning(
        person=person,
        year=YEAR,
        online_hours=18,
        courses=[course],
        classes=sessions,
        certificate=True,
    )
    return person


def answer_all(dossier, actor, *, evidence=True):
    """Declare every declared indicator met, with a PDF where evidence is asked."""
    inputs = [
        cycle.AnswerInput(
            indicator_id=indicator.pk,
            met=True,
            files=(pdf_file(),) if evidence and indicator.evidence_required else (),
        )
        for indicator in Indicator.objects.filter(
            criterion__criteria_set=dossier.criteria_set, kind="declared"
        )
    ]
    return cycle.save_answers(dossier=dossier, actor=actor, answers=inputs)


def register_and_answer(person, *, year=YEAR, submit=True):
    dossier = cycle.register(
        subject=subject_for("citizen", person), year=year, actor=person
    )
    answer_all(dossier, person)
    if submit:
        cycle.submit(dossier=dossier, actor=person)
    return dossier


def recognise(dossier, officer, *, number="12/QĐ-KH"):
    """Verify a self-assessed dossier and recognise it by a decision."""
    cycle.accept(dossiers=[dossier], officer=officer)
    dossier.refresh_from_db()
    decision = cycle.recognise(
        dossiers=[dossier],
        officer=officer,
        number=number,
        date=datetime.date(YEAR, 12, 20),
    )
    dossier.refresh_from_db()
    return decision


def household_of(head, *members, name="Hộ Giàng A Lử"):
    household = Household.objects.create(
        name=name, commune=head.commune, village=head.village, head=head
    )
    for person in (head, *members):
        HouseholdMembership.objects.create(
            household=household, person=person, joined_on=datetime.date(2020, 1, 1)
        )
    return household


def officer(phone, *, commune, role=None, village=None):
    user = get_user_model().objects.create_user(
        phone=phone, full_name=f"Cán bộ {phone}", commune=commune, village=village
    )
    user.groups.add(group_for(Role.VILLAGE_OFFICER if role is None else role))
    return user


@pytest.fixture
def village_officer(commune, villages):
    return officer("0900000001", commune=commune, village=villages[0])


@pytest.fixture
def commune_officer(commune):
    return officer("0900000002", commune=commune, role=Role.COMMUNE_OFFICER)


@pytest.fixture
def far_officer(other_commune):
    return officer("0900000003", commune=other_commune, role=Role.COMMUNE_OFFICER)


@pytest.fixture
def province_officer(commune):
    return officer("0900000004", commune=commune, role=Role.PROVINCE_OFFICER)

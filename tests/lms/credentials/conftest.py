"""Credential fixtures: a course certificate, recognised person and family dossiers."""

import datetime

import pytest

from lms.models import Certificate
from lms.recognition.services import cycle
from lms.recognition.subjects import subject_for
from tests.lms.learning import read_lesson
from tests.lms.recognition.conftest import (  # noqa: F401  (fixtures)
    YEAR,
    answer_all,
    commune_officer,
    household_of,
    learner,
    make_person,
    recognise,
    register_and_answer,
    sessions,
    villages,
)

BASE_URL = "https://hoctap.example.vn"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    return BASE_URL


@pytest.fixture
def certificate(resident, enrolled, lessons):
    for lesson in lessons:
        read_lesson(resident, lesson)
    return Certificate.objects.get(learner=resident)


@pytest.fixture
def recognised(learner, commune_officer):  # noqa: F811
    dossier = register_and_answer(learner)
    recognise(dossier, commune_officer, number="07/QĐ-KH")
    return dossier


@pytest.fixture
def family_dossier(make_person, commune_officer):  # noqa: F811
    head = make_person("Giàng A Lử")
    household = household_of(head, make_person("Giàng Thị Mai"))
    dossier = cycle.register(
        subject=subject_for("family", household), year=YEAR, actor=head
    )
    answer_all(dossier, head)
    cycle.submit(dossier=dossier, actor=head)
    cycle.accept(dossiers=[dossier], officer=commune_officer)
    dossier.refresh_from_db()
    cycle.recognise(
        dossiers=[dossier],
        officer=commune_officer,
        number="08/QĐ-UBND",
        date=datetime.date(YEAR, 12, 21),
        override_reason="Thử nghiệm: hộ mới chuyển đến",
    )
    dossier.refresh_from_db()
    return dossier

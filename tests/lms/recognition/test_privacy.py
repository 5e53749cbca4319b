"""A person's recognition data in their export, its erasure on deletion, and the
log of officers' views of their dossier."""

import json
import os

import pytest
from django.db.models import CharField, JSONField, TextField
from django.urls import reverse

from lms.models import AccessKind, Certificate, PersonalDataAccess
from lms.recognition.models import (
    AuditEntry,
    Clan,
    Dossier,
    Evidence,
    Household,
    Unit,
    Verification,
)
from lms.recognition.models.cycle import Answer
from lms.recognition.services import cycle
from lms.recognition.subjects import subject_for
from lms.services.privacy import anonymise

from .conftest import answer_all, household_of, pdf_file, register_and_answer

pytestmark = pytest.mark.django_db

NAME = "Thào Thị Pằng"


@pytest.fixture
def person(make_person, learner):
    """A resident with a submitted citizen dossier, heading a household and a clan."""
    person = make_person(NAME)
    person.email = "pang.thao@example.vn"
    person.save()
    household = household_of(person, learner, name=f"Hộ {NAME}")
    clan = Clan.objects.create(
        name=f"Dòng họ Thào (đại diện {NAME})",
        commune=person.commune,
        representative=person,
    )
    clan.households.add(household)
    dossier = register_and_answer(person, submit=False)
    first = dossier.answers.order_by("pk").first()
    cycle.save_answers(
        dossier=dossier,
        actor=person,
        answers=[
            cycle.AnswerInput(
                indicator_id=first.indicator_id,
                met=True,
                files=(pdf_file("CCCD Thao Thi Pang.pdf"),),
            )
        ],
    )
    cycle.submit(dossier=dossier, actor=person)
    dossier.answers.update(note=f"{NAME} tự khai, liên hệ {person.phone}")
    return person


def test_export_holds_dossiers_answers_evidence_audit_and_memberships(client, person):
    client.force_login(person)
    data = json.loads(client.get(reverse("lms:export")).content)
    assert data["format"] and data["version"] == 2
    dossier = next(
        d for d in data["recognition"]["dossiers"] if "subject" in d["your_role"]
    )
    assert dossier["model"] == "citizen" and dossier["status"] == "self_assessed"
    assert dossier["answers"] and all("met" in a for a in dossier["answers"])
    files = [e for a in dossier["answers"] for e in a["evidence"]]
    assert {"minh-chung.pdf", "CCCD Thao Thi Pang.pdf"} <= {f["name"] for f in files}
    assert all(f["size_bytes"] > 0 and f["uploaded_at"] for f in files)
    actions = {e["action"] for e in data["recognition"]["audit"]}
    assert {"registered", "answered", "submitted"} <= actions
    memberships = data["recognition"]["memberships"]
    assert memberships["households"][0]["you_are_head"] is True
    assert memberships["households_headed"] == [f"Hộ {NAME}"]
    assert memberships["clans"][0]["you_represent"] is True


def _text_values(model):
    fields = [
        f.name
        for f in model._meta.get_fields()
        if isinstance(f, CharField | TextField | JSONField) and f.concrete
    ]
    for row in model._base_manager.values_list(*fields):
        yield from (json.dumps(v, ensure_ascii=False) for v in row)


def test_deletion_leaves_no_name_phone_or_email(person):
    phone, email = person.phone, person.email
    own = Dossier.objects.get(person=person)
    evidence_files = [e.file.path for e in Evidence.objects.all()]
    assert evidence_files
    certificate_count = Certificate.objects.count()
    anonymise(user=person)

    assert not Evidence.objects.filter(answer__dossier=own).exists()
    assert not any(os.path.exists(p) for p in evidence_files)
    for model in [
        Dossier,
        Answer,
        Verification,
        Household,
        Clan,
        Unit,
        AuditEntry,
        Certificate,
        PersonalDataAccess,
    ]:
        for text in _text_values(model):
            for trace in (NAME, phone, email, "CCCD Thao Thi Pang"):
                assert trace not in text, (model.__name__, text)
    assert Household.objects.get().head is None
    assert Clan.objects.get().representative is None
    own.refresh_from_db()
    assert own.subject_name == "Người dùng đã xoá"
    assert own.audit_entries.filter(action="corrected").exists()
    assert Certificate.objects.count() == certificate_count


def test_recognised_dossier_keeps_its_decision_without_the_name(
    client, person, commune_officer, village_officer
):
    dossier = Dossier.objects.get(person=person)
    cycle.accept(dossiers=[dossier], officer=village_officer)
    decision = cycle.recognise(
        dossiers=[Dossier.objects.get(pk=dossier.pk)],
        officer=commune_officer,
        number="15/QĐ-UBND",
        date=dossier.registered_at.date(),
        override_reason="Minh chứng giấy đã kiểm tra tại xã",
    )
    anonymise(user=person)
    dossier.refresh_from_db()
    assert dossier.status == "recognised" and dossier.decision == decision
    assert dossier.decision.number == "15/QĐ-UBND"
    assert NAME not in dossier.subject_name


def test_officer_view_of_dossier_is_logged_not_own_view(
    client, person, village_officer
):
    dossier = Dossier.objects.get(person=person)
    client.force_login(person)
    response = client.get(reverse("recognition:dossier", args=[dossier.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert not PersonalDataAccess.objects.exists()
    client.force_login(village_officer)
    assert (
        client.get(reverse("recognition:dossier", args=[dossier.pk])).status_code == 200
    )
    access = PersonalDataAccess.objects.get()
    assert access.subject == person and access.viewer == village_officer
    assert access.what == AccessKind.DOSSIER
    assert NAME not in access.detail
    client.force_login(person)
    data = json.loads(client.get(reverse("lms:export")).content)
    assert data["data_access_log"][0]["what"] == "dossier"
    assert data["data_access_log"][0]["viewer"] == village_officer.full_name


def test_household_dossier_view_is_logged_for_its_head(client, person, commune_officer):
    household = Household.objects.get()
    dossier = cycle.register(
        subject=subject_for("family", household), year=2026, actor=person
    )
    client.force_login(commune_officer)
    client.get(reverse("recognition:dossier", args=[dossier.pk]))
    assert PersonalDataAccess.objects.get().subject == person


def test_verify_page_of_an_erased_learner_shows_no_name(client, learner):
    certificate = Certificate.objects.filter(learner=learner).first()
    assert certificate is not None
    anonymise(user=learner)
    html = client.get(reverse("lms:verify", args=[certificate.code])).content.decode()
    assert "Giàng Thị Dung" not in html
    assert 'data-status="erased"' in html


def test_staff_leaving_keeps_evidence_uploaded_for_residents(make_person, staff):
    resident = make_person("Sùng Thị Lan")
    dossier = cycle.register(
        subject=subject_for("citizen", resident), year=2026, actor=staff
    )
    answer_all(dossier, staff)
    kept = Evidence.objects.filter(answer__dossier=dossier).count()
    assert kept
    anonymise(user=staff)
    assert Evidence.objects.filter(answer__dossier=dossier).count() == kept
    dossier.refresh_from_db()
    assert dossier.subject_name == "Sùng Thị Lan"

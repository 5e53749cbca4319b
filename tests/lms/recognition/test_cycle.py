"""The yearly cycle: register, answer with evidence, submit, return, recognise."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.roles import Role
from lms.recognition.models import (
    AppendOnlyError,
    AuditEntry,
    Evidence,
    Indicator,
)
from lms.recognition.services import cycle
from lms.recognition.subjects import subject_for

from .conftest import (
    YEAR,
    answer_all,
    household_of,
    officer,
    pdf_file,
    register_and_answer,
)

pytestmark = pytest.mark.django_db


def declared(dossier):
    return list(
        Indicator.objects.filter(
            criterion__criteria_set=dossier.criteria_set, kind="declared"
        )
    )


def test_registration_picks_the_form_of_the_target_group(make_person):
    official = make_person("Hoàng Văn Tâm", target_group="official")
    dossier = cycle.register(
        subject=subject_for("citizen", official), year=YEAR, actor=official
    )
    assert dossier.criteria_set.scope == "official"
    assert dossier.status == "registered" and dossier.registered_at
    again = cycle.register(
        subject=subject_for("citizen", official), year=YEAR, actor=official
    )
    assert again.pk == dossier.pk
    assert AuditEntry.objects.filter(dossier=dossier, action="registered").count() == 1


def test_a_resident_cannot_register_someone_else(make_person):
    first, second = make_person("An"), make_person("Bình")
    with pytest.raises(PermissionDenied):
        cycle.register(subject=subject_for("citizen", second), year=YEAR, actor=first)


def test_head_of_household_and_staff_register_a_family(make_person, commune):
    centre_staff = officer("0900000020", commune=commune, role=Role.CENTRE_STAFF)
    head = make_person("Giàng A Lử")
    household = household_of(head)
    dossier = cycle.register(
        subject=subject_for("family", household), year=YEAR, actor=head
    )
    assert dossier.household == household and dossier.village == head.village
    other = household_of(make_person("Sùng A Chu"), name="Hộ Sùng A Chu")
    by_staff = cycle.register(
        subject=subject_for("family", other), year=YEAR, actor=centre_staff
    )
    assert by_staff.registered_by == centre_staff


def test_disallowed_evidence_is_refused_and_other_answers_are_kept(learner):
    """An .exe or a renamed file is refused with a clear message; nothing else lost."""
    dossier = cycle.register(
        subject=subject_for("citizen", learner), year=YEAR, actor=learner
    )
    first, second, third = declared(dossier)[:3]
    fake_png = SimpleUploadedFile("anh.png", b"MZ\x90\x00not an image")
    errors = cycle.save_answers(
        dossier=dossier,
        actor=learner,
        answers=[
            cycle.AnswerInput(
                first.pk, True, files=(SimpleUploadedFile("virus.exe", b"MZ"),)
            ),
            cycle.AnswerInput(second.pk, True, note="Có kế hoạch", files=(pdf_file(),)),
            cycle.AnswerInput(third.pk, True, files=(fake_png,)),
        ],
    )
    assert len(errors) == 2
    assert "virus.exe" in errors[0] and "PDF, JPG, PNG" in errors[0]
    assert "anh.png" in errors[1]
    assert dossier.answers.filter(met=True).count() == 3
    assert dossier.answers.get(indicator=second).note == "Có kế hoạch"
    assert Evidence.objects.filter(answer__dossier=dossier).count() == 1


def test_evidence_messages_are_in_vietnamese(learner):
    from django.utils import translation

    dossier = cycle.register(
        subject=subject_for("citizen", learner), year=YEAR, actor=learner
    )
    with translation.override("vi"):
        errors = cycle.save_answers(
            dossier=dossier,
            actor=learner,
            answers=[
                cycle.AnswerInput(
                    declared(dossier)[0].pk,
                    True,
                    files=(SimpleUploadedFile("bang.docx", b"PK"),),
                )
            ],
        )
    assert "không" in errors[0].lower() or "chỉ" in errors[0].lower()


def test_return_and_resubmit(learner, commune_officer):
    """A returned dossier keeps its answers, shows the comments, and goes back."""
    dossier = register_and_answer(learner)
    assert dossier.status == "self_assessed"
    indicator = declared(dossier)[0]
    with pytest.raises(cycle.CycleError):
        cycle.return_dossier(dossier=dossier, officer=commune_officer)
    verification = cycle.return_dossier(
        dossier=dossier,
        officer=commune_officer,
        comments={indicator.pk: "Thiếu kế hoạch có chữ ký"},
    )
    dossier.refresh_from_db()
    assert dossier.status == "returned" and dossier.returned_at
    assert verification.comments.get().indicator == indicator
    answers_before = dossier.answers.count()
    answer_all(dossier, learner)
    cycle.submit(dossier=dossier, actor=learner)
    dossier.refresh_from_db()
    assert dossier.status == "self_assessed"
    assert dossier.answers.count() == answers_before
    assert cycle.accept(dossiers=[dossier], officer=commune_officer) == 1
    dossier.refresh_from_db()
    assert dossier.status == "verified"
    actions = list(
        AuditEntry.objects.filter(dossier=dossier)
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions[0] == "registered" and "returned" in actions
    assert actions[-1] == "verified" and actions.count("submitted") == 2


def test_recognition_freezes_the_result_and_revocation_is_recorded(
    learner, commune_officer
):
    dossier = register_and_answer(learner)
    cycle.accept(dossiers=[dossier], officer=commune_officer)
    dossier.refresh_from_db()
    decision = cycle.recognise(
        dossiers=[dossier],
        officer=commune_officer,
        number="12/QĐ-KH",
        date=datetime.date(YEAR, 12, 20),
    )
    dossier.refresh_from_db()
    assert dossier.status == "recognised" and dossier.decision == decision
    assert decision.authority.startswith("Hội Khuyến học xã")
    assert dossier.recognised_result["passed"] is True
    assert len(dossier.recognised_result["indicators"]) == 15
    with pytest.raises(cycle.CycleError):
        cycle.save_answers(dossier=dossier, actor=learner, answers=[])
    cycle.revoke(dossier=dossier, officer=commune_officer, reason="Khai sai")
    dossier.refresh_from_db()
    assert dossier.status == "revoked" and dossier.recognised_result
    assert AuditEntry.objects.filter(dossier=dossier, action="revoked").exists()


def test_late_submission_is_flagged_not_refused(learner, settings):
    settings.RECOGNITION = {"DOSSIER_DEADLINE": (1, 1)}
    dossier = register_and_answer(learner, year=YEAR - 2)
    assert dossier.status == "self_assessed" and dossier.submitted_late
    on_time = register_and_answer(learner, year=datetime.date.today().year)
    assert not on_time.submitted_late


def test_audit_entries_are_append_only(learner):
    dossier = register_and_answer(learner)
    entry = AuditEntry.objects.filter(dossier=dossier).first()
    entry.summary = "changed"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.update(summary="x")

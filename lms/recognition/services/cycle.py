"""The yearly cycle: register, answer, submit, verify or return, recognise, revoke.

Each step moves the dossier through ``transitions`` (who may, from which state, as a
conditional update) and then writes its side effects once: verification rows, the
decision, the audit trail. Declared answers stay editable until verification.
"""

import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.recognition import transitions
from lms.recognition.conf import authority_for, dossier_deadline
from lms.recognition.constants import AuditAction
from lms.recognition.models import (
    Answer,
    Decision,
    Dossier,
    Evidence,
    Indicator,
    Verification,
    VerificationComment,
)
from lms.recognition.selectors import active_set
from lms.recognition.services.audit import record
from lms.recognition.services.evaluation import evaluate_dossier
from lms.recognition.services.evidence import validate_evidence
from lms.recognition.signals import decision_recorded
from lms.recognition.subjects import Subject
from lms.recognition.transitions import EDITABLE, CycleError

__all__ = ["EDITABLE", "CycleError"]


@transaction.atomic
def register(*, subject: Subject, year: int, actor) -> Dossier:
    """Open the subject's dossier for the year (or return the one already open)."""
    if not actor.has_perm("recognition.register_dossier", subject):
        raise PermissionDenied
    existing = Dossier.objects.filter(
        model=subject.model, year=year, subject_key=subject.key
    ).first()
    if existing is not None:
        return existing
    criteria_set = active_set(model=subject.model, scope=subject.scope, year=year)
    if criteria_set is None:
        raise CycleError(_("No criteria set is active for this year."))
    dossier = Dossier.objects.create(
        model=subject.model,
        year=year,
        subject_key=subject.key,
        subject_name=subject.name[:200],
        commune=subject.commune,
        village=subject.village,
        criteria_set=criteria_set,
        registered_by=actor,
        registered_at=timezone.now(),
        **subject.dossier_fields(),
    )
    record(
        action=AuditAction.REGISTERED,
        actor=actor,
        dossier=dossier,
        summary=str(dossier),
        data={"criteria_set": criteria_set.pk, "version": criteria_set.version},
    )
    return dossier


def _check_editable(actor, dossier):
    # Answers change only while the dossier may still be submitted.
    transitions.check(transitions.SUBMIT, dossier=dossier, actor=actor)


@dataclass
class AnswerInput:
    indicator_id: int
    met: bool
    note: str = ""
    value: object = None
    files: tuple = ()


@transaction.atomic
def save_answers(*, dossier: Dossier, actor, answers: list[AnswerInput]) -> list[str]:
    """Save every answer; a rejected file is skipped with its message, never the rest.

    Returns the messages for the files that were refused.
    """
    _check_editable(actor, dossier)
    allowed = {
        i.pk: i
        for i in Indicator.objects.filter(
            criterion__criteria_set=dossier.criteria_set, kind="declared"
        )
    }
    errors = []
    for item in answers:
        indicator = allowed.get(item.indicator_id)
        if indicator is None:
            continue
        answer, _created = Answer.objects.update_or_create(
            dossier=dossier,
            indicator=indicator,
            defaults={
                "met": item.met,
                "note": item.note,
                "value": item.value,
                "answered_by": actor,
            },
        )
        for upload in item.files:
            try:
                validate_evidence(upload)
            except ValidationError as error:
                errors.extend(error.messages)
                continue
            Evidence.objects.create(
                answer=answer,
                file=upload,
                original_name=upload.name[:255],
                uploaded_by=actor,
            )
            record(
                action=AuditAction.EVIDENCE_ADDED,
                actor=actor,
                dossier=dossier,
                summary=f"{indicator.code}: {upload.name}",
            )
    record(
        action=AuditAction.ANSWERED,
        actor=actor,
        dossier=dossier,
        summary=f"{len(answers)}",
        data={str(a.indicator_id): a.met for a in answers},
    )
    return errors


def is_late(dossier: Dossier, when=None) -> bool:
    when = when or timezone.localdate()
    return when > dossier_deadline(dossier.year)


@transaction.atomic
def submit(*, dossier: Dossier, actor) -> Dossier:
    """Send the self-assessment for verification; late ones are flagged, not refused."""
    transitions.move(
        transitions.SUBMIT,
        dossier=dossier,
        actor=actor,
        submitted_late=is_late(dossier, timezone.localdate()),
    )
    result = evaluate_dossier(dossier=dossier)
    record(
        action=AuditAction.SUBMITTED,
        actor=actor,
        dossier=dossier,
        summary=str(dossier),
        data={
            "passed": result.passed if result else None,
            "late": dossier.submitted_late,
        },
    )
    return dossier


@transaction.atomic
def accept(*, dossiers, officer, note: str = "") -> int:
    """Mark self-assessed dossiers verified; return how many were accepted."""
    accepted = 0
    for dossier in dossiers:
        if not officer.has_perm(transitions.ACCEPT.permission, dossier):
            raise PermissionDenied
        if dossier.status not in transitions.ACCEPT.sources:
            continue
        transitions.move(transitions.ACCEPT, dossier=dossier, actor=officer)
        Verification.objects.create(
            dossier=dossier, officer=officer, outcome="accepted", note=note
        )
        record(
            action=AuditAction.VERIFIED, actor=officer, dossier=dossier, summary=note
        )
        accepted += 1
    return accepted


@transaction.atomic
def return_dossier(
    *, dossier: Dossier, officer, note: str = "", comments: dict[int, str] | None = None
) -> Verification:
    """Send the dossier back with a comment per indicator; answers are kept."""
    transitions.check(transitions.RETURN, dossier=dossier, actor=officer)
    comments = {k: v.strip() for k, v in (comments or {}).items() if v and v.strip()}
    if not comments and not note.strip():
        raise CycleError(_("Say what needs to change before returning the dossier."))
    transitions.move(transitions.RETURN, dossier=dossier, actor=officer)
    verification = Verification.objects.create(
        dossier=dossier, officer=officer, outcome="returned", note=note
    )
    VerificationComment.objects.bulk_create(
        VerificationComment(
            verification=verification, indicator_id=indicator_id, comment=comment
        )
        for indicator_id, comment in comments.items()
    )
    record(
        action=AuditAction.RETURNED,
        actor=officer,
        dossier=dossier,
        summary=note,
        data={str(k): v for k, v in comments.items()},
    )
    return verification


def new_public_code() -> str:
    return secrets.token_urlsafe(9)


def _one_decision_covers_one_kind(dossiers: list[Dossier]) -> None:
    """A decision recognises one model, for one year, in one commune."""
    kinds = {(d.model, d.year, d.commune_id) for d in dossiers}
    if len(kinds) > 1:
        raise CycleError(
            _(
                "One decision covers one learning model, one year and one commune. "
                "Tick only dossiers of the same kind, year and commune."
            )
        )


@transaction.atomic
def recognise(
    *,
    dossiers,
    officer,
    number: str,
    date,
    authority: str = "",
    signer_name: str = "",
    signer_title: str = "",
    override_reason: str = "",
) -> Decision:
    """Recognise verified dossiers by one decision; their results are frozen.

    A dossier whose criteria are not met is recognised only with a written reason,
    kept on the dossier and in the audit trail.
    """
    dossiers = list(dossiers)
    if not dossiers:
        raise CycleError(_("Choose at least one verified dossier."))
    _one_decision_covers_one_kind(dossiers)
    for dossier in dossiers:
        transitions.check(transitions.RECOGNISE, dossier=dossier, actor=officer)
    results = {dossier.pk: evaluate_dossier(dossier=dossier) for dossier in dossiers}
    failing = [d for d in dossiers if not (results[d.pk] and results[d.pk].passed)]
    override_reason = override_reason.strip()
    if failing and not override_reason:
        raise CycleError(
            _(
                "%(names)s do not meet the criteria. To recognise them anyway, "
                "write the reason in “Reason for recognising without meeting the "
                "criteria”."
            )
            % {"names": ", ".join(f"“{d.subject_name}”" for d in failing)}
        )
    first = dossiers[0]
    configured = authority_for(first)
    decision = Decision.objects.create(
        number=number,
        date=date,
        authority=authority or configured.authority,
        # The parent goes with the configured authority, not with another typed in.
        parent_authority=configured.parent_authority
        if authority in ("", configured.authority)
        else "",
        signer_name=signer_name or configured.signer_name,
        signer_title=signer_title or configured.signer_title,
        model=first.model,
        year=first.year,
        commune=first.commune,
        created_by=officer,
    )
    for dossier in dossiers:
        result = results[dossier.pk]
        overridden = dossier in failing
        transitions.move(
            transitions.RECOGNISE,
            dossier=dossier,
            actor=officer,
            decision=decision,
            recognised_result=result.to_json() if result else None,
            override_reason=override_reason if overridden else "",
            public_code=dossier.public_code or new_public_code(),
        )
        record(
            action=AuditAction.RECOGNISED_BY_OVERRIDE
            if overridden
            else AuditAction.RECOGNISED,
            actor=officer,
            dossier=dossier,
            summary=f"{decision.number}: {override_reason}"
            if overridden
            else decision.number,
            data={"decision": decision.pk, "override_reason": override_reason}
            if overridden
            else {"decision": decision.pk},
        )
    decision_recorded.send(sender=Decision, year=decision.year)
    return decision


@transaction.atomic
def revoke(*, dossier: Dossier, officer, reason: str) -> Dossier:
    transitions.check(transitions.REVOKE, dossier=dossier, actor=officer)
    if not reason.strip():
        raise CycleError(_("Give the reason for revoking."))
    transitions.move(transitions.REVOKE, dossier=dossier, actor=officer)
    record(action=AuditAction.REVOKED, actor=officer, dossier=dossier, summary=reason)
    decision_recorded.send(sender=Decision, year=dossier.year)
    return dossier

"""A person's recognition data: what their export holds and how deletion erases it.

Dossiers, households, clans and units stay when a person deletes their account:
a published recognition decision is an official record, and the family or clan
goes on without them. What names the person is replaced; evidence files go.
"""

import re

from django.db.models import Q

from lms.recognition.constants import AuditAction
from lms.recognition.models import (
    AuditEntry,
    Clan,
    Dossier,
    Evidence,
    Household,
    HouseholdMembership,
    Unit,
    UnitMembership,
    Verification,
    VerificationComment,
)
from lms.recognition.models.cycle import Answer
from lms.recognition.services.audit import record

ERASURE_NOTE = (
    "Đã xoá dữ liệu cá nhân theo yêu cầu của người dùng (Luật 91/2025/QH15); "
    "quyết định công nhận (số, ngày, cơ quan) được giữ vì là văn bản hành chính."
)


def subject_person(dossier: Dossier):
    """The resident a dossier is about: the person, household head, clan or unit rep."""
    if dossier.person_id:
        return dossier.person
    if dossier.household_id:
        return dossier.household.head
    if dossier.clan_id:
        return dossier.clan.representative
    if dossier.unit_id:
        return dossier.unit.head
    return None


def _households(user):
    return Household.objects.filter(
        Q(head=user) | Q(memberships__person=user)
    ).distinct()


def related_dossiers(user):
    """Dossiers the person is the subject of, registered, or belongs to as family,
    clan or unit."""
    households = _households(user)
    return Dossier.objects.filter(
        Q(person=user)
        | Q(registered_by=user)
        | Q(household__in=households)
        | Q(clan__representative=user)
        | Q(clan__households__in=households)
        | Q(unit__head=user)
        | Q(unit__memberships__person=user)
    ).distinct()


def _iso(value):
    return value.isoformat() if value else None


def _size(evidence: Evidence):
    try:
        return evidence.file.size
    except (OSError, ValueError):
        return None


def _dossier_roles(dossier: Dossier, user, household_ids: set) -> list[str]:
    roles = []
    if dossier.person_id == user.pk:
        roles.append("subject")
    if dossier.registered_by_id == user.pk:
        roles.append("registrant")
    if dossier.household_id in household_ids:
        roles.append("household")
    if dossier.clan_id and (
        dossier.clan.representative_id == user.pk
        or any(h.pk in household_ids for h in dossier.clan.households.all())
    ):
        roles.append("clan")
    if dossier.unit_id:
        roles.append("unit")
    return roles


def export_recognition(*, user) -> dict:
    """The recognition part of the person's export (see ``lms.services.privacy``)."""
    household_ids = set(_households(user).values_list("pk", flat=True))
    dossiers = list(
        related_dossiers(user)
        .select_related("commune", "village", "decision", "clan")
        .prefetch_related(
            "answers__indicator",
            "answers__evidence",
            "verifications__comments__indicator",
            "clan__households",
        )
        .order_by("year", "model", "pk")
    )
    audit = (
        AuditEntry.objects.filter(
            Q(dossier__in=[d.pk for d in dossiers]) | Q(actor=user)
        )
        .select_related("actor")
        .order_by("created_at", "pk")
    )
    return {
        "dossiers": [
            {
                "id": d.pk,
                "model": d.model,
                "year": d.year,
                "subject": d.subject_name,
                "your_role": _dossier_roles(d, user, household_ids),
                "status": d.status,
                "commune": d.commune.name,
                "village": d.village.name if d.village_id else None,
                "registered_at": _iso(d.registered_at),
                "self_assessed_at": _iso(d.self_assessed_at),
                "verified_at": _iso(d.verified_at),
                "returned_at": _iso(d.returned_at),
                "recognised_at": _iso(d.recognised_at),
                "revoked_at": _iso(d.revoked_at),
                "decision": (
                    {
                        "number": d.decision.number,
                        "date": d.decision.date.isoformat(),
                        "authority": d.decision.authority,
                    }
                    if d.decision_id
                    else None
                ),
                "answers": [
                    {
                        "indicator": a.indicator.code,
                        "text": a.indicator.text,
                        "met": a.met,
                        "value": float(a.value) if a.value is not None else None,
                        "note": a.note,
                        "answered_at": _iso(a.answered_at),
                        "evidence": [
                            {
                                "name": e.original_name,
                                "uploaded_at": _iso(e.uploaded_at),
                                "size_bytes": _size(e),
                            }
                            for e in a.evidence.all()
                        ],
                    }
                    for a in d.answers.all()
                ],
                "verifications": [
                    {
                        "outcome": v.outcome,
                        "note": v.note,
                        "at": _iso(v.created_at),
                        "comments": [
                            {"indicator": c.indicator.code, "comment": c.comment}
                            for c in v.comments.all()
                        ],
                    }
                    for v in d.verifications.all()
                ],
            }
            for d in dossiers
        ],
        "audit": [
            {
                "at": _iso(e.created_at),
                "action": e.action,
                "dossier": e.dossier_id,
                "by_you": e.actor_id == user.pk,
                "by": e.actor.get_full_name() if e.actor_id else None,
                "summary": e.summary,
            }
            for e in audit
        ],
        "memberships": {
            "households": [
                {
                    "household": m.household.name,
                    "village": m.household.village.name
                    if m.household.village_id
                    else None,
                    "relation": m.relation,
                    "joined_on": _iso(m.joined_on),
                    "left_on": _iso(m.left_on),
                    "you_are_head": m.household.head_id == user.pk,
                }
                for m in HouseholdMembership.objects.filter(person=user)
                .select_related("household__village")
                .order_by("joined_on")
            ],
            "households_headed": list(
                Household.objects.filter(head=user).values_list("name", flat=True)
            ),
            "clans": [
                {"clan": c.name, "you_represent": c.representative_id == user.pk}
                for c in Clan.objects.filter(
                    Q(representative=user) | Q(households__in=household_ids)
                ).distinct()
            ],
            "units": [
                {
                    "unit": m.unit.name,
                    "joined_on": _iso(m.joined_on),
                    "left_on": _iso(m.left_on),
                }
                for m in UnitMembership.objects.filter(person=user).select_related(
                    "unit"
                )
            ],
            "units_headed": list(
                Unit.objects.filter(head=user).values_list("name", flat=True)
            ),
        },
    }


class Redactor:
    """Replaces a person's name, phone and email in free text by a neutral label."""

    def __init__(self, needles: list[str], label: str):
        needles = sorted({n.strip() for n in needles if n and len(n.strip()) >= 3})
        self.needles, self.label = needles, label
        self.pattern = (
            re.compile(
                "|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True)),
                re.IGNORECASE,
            )
            if needles
            else None
        )

    def extended(self, needles: list[str]) -> "Redactor":
        return Redactor([*self.needles, *needles], self.label)

    def __call__(self, text: str) -> str:
        if not text or self.pattern is None:
            return text
        return self.pattern.sub(self.label, text)

    def json(self, value):
        if isinstance(value, str):
            return self(value)
        if isinstance(value, list):
            return [self.json(v) for v in value]
        if isinstance(value, dict):
            return {self(str(k)): self.json(v) for k, v in value.items()}
        return value


def _redact_rows(queryset, fields: list[str], redact: Redactor) -> None:
    for row in queryset.only("pk", *fields):
        changed = {f: redact(getattr(row, f)) for f in fields}
        if any(changed[f] != getattr(row, f) for f in fields):
            type(row).objects.filter(pk=row.pk).update(**changed)


# Marks, on the erasure's audit entry, a dossier that named the erased person.
ERASED_MARK = {"erased": True}


def naming(user):
    """Dossiers that name the person: their own, and those of the household,
    clan or unit they head or represent (what their credentials name)."""
    return Dossier.objects.filter(
        Q(person=user)
        | Q(household__head=user)
        | Q(clan__representative=user)
        | Q(unit__head=user)
    )


def naming_an_erased_person():
    """Dossiers that named a person who erased their data. Households, clans and
    units lose their erased head, so the erasure's audit entry remembers it."""
    return Dossier.objects.filter(
        audit_entries__action=AuditAction.CORRECTED,
        audit_entries__data__erased=True,
    )


def anonymise_recognition(*, user, redact: Redactor) -> None:
    """Erase the person from recognition records; run before the user row is erased."""
    dossiers = related_dossiers(user)
    dossier_ids = list(dossiers.values_list("pk", flat=True))
    own = list(Dossier.objects.filter(person=user).values_list("pk", flat=True))
    # Taken before the heads are unset below.
    named = list(naming(user).values_list("pk", flat=True))

    # Evidence files (ID cards, household books) are the most sensitive: none of
    # the person's own dossiers keeps any, nor do the family, clan or unit
    # dossiers they lead keep what they uploaded.
    led = Dossier.objects.filter(
        Q(household__head=user) | Q(clan__representative=user) | Q(unit__head=user)
    )
    # What staff uploaded for residents stays when the staff member leaves.
    evidence = list(
        Evidence.objects.filter(
            Q(answer__dossier__in=own) | Q(uploaded_by=user, answer__dossier__in=led)
        )
    )
    # A file's name ("CCCD Thao Thi Pang.pdf") names the person too, in the audit.
    redact = redact.extended([e.original_name for e in evidence])
    for item in evidence:
        if item.file:
            item.file.delete(save=False)
        item.delete()

    Dossier.objects.filter(pk__in=own).update(subject_name=redact.label)
    _redact_rows(Dossier.objects.filter(pk__in=dossier_ids), ["subject_name"], redact)
    _redact_rows(Answer.objects.filter(dossier__in=dossier_ids), ["note"], redact)
    _redact_rows(Verification.objects.filter(dossier__in=dossier_ids), ["note"], redact)
    _redact_rows(
        VerificationComment.objects.filter(verification__dossier__in=dossier_ids),
        ["comment"],
        redact,
    )

    households = Household.objects.filter(head=user)
    _redact_rows(households, ["name", "address"], redact)
    households.update(head=None)
    clans = Clan.objects.filter(representative=user)
    _redact_rows(clans, ["name"], redact)
    clans.update(representative=None)
    units = Unit.objects.filter(head=user)
    _redact_rows(units, ["name"], redact)
    units.update(head=None)

    # The audit trail is append-only; erasure under Law 91 is its one exception,
    # done on the base manager and itself recorded as a new entry below.
    entries = AuditEntry._base_manager.filter(
        Q(dossier__in=dossier_ids) | Q(actor=user)
    )
    for entry in entries.only("pk", "summary", "data"):
        summary, data = redact(entry.summary), redact.json(entry.data)
        if summary != entry.summary or data != entry.data:
            AuditEntry._base_manager.filter(pk=entry.pk).update(
                summary=summary, data=data
            )
    for dossier in Dossier.objects.filter(pk__in=named):
        record(
            action=AuditAction.CORRECTED,
            dossier=dossier,
            summary=ERASURE_NOTE,
            data=dict(ERASED_MARK),
        )

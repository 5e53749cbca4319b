"""The dossier cycle as one state machine.

Each transition names the states it leaves from, the permission that allows it (see
``lms.recognition.rules``) and the timestamp it stamps. ``move`` applies it as a
conditional update, so two officers acting at once cannot both win: the second finds
the dossier no longer in a source state. Side effects (audit, verification rows,
decisions) live in ``services.cycle``, each written once after its move succeeded.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.recognition.constants import DossierStatus as S
from lms.recognition.models import Dossier


class CycleError(Exception):
    """A step that the dossier's status does not allow (message for the user)."""


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset
    target: str
    permission: str
    stamp: str = ""


SUBMIT = Transition(
    "submit",
    gettext_lazy("Submit for verification"),
    frozenset({S.REGISTERED, S.RETURNED, S.SELF_ASSESSED}),
    S.SELF_ASSESSED,
    "recognition.edit_answers",
    "self_assessed_at",
)
ACCEPT = Transition(
    "accept",
    gettext_lazy("Accept"),
    frozenset({S.SELF_ASSESSED}),
    S.VERIFIED,
    "recognition.verify_dossier",
    "verified_at",
)
RETURN = Transition(
    "return",
    gettext_lazy("Return for changes"),
    frozenset({S.SELF_ASSESSED, S.VERIFIED}),
    S.RETURNED,
    "recognition.verify_dossier",
    "returned_at",
)
RECOGNISE = Transition(
    "recognise",
    gettext_lazy("Recognise"),
    frozenset({S.VERIFIED}),
    S.RECOGNISED,
    "recognition.recognise_dossier",
    "recognised_at",
)
REVOKE = Transition(
    "revoke",
    gettext_lazy("Revoke recognition"),
    frozenset({S.RECOGNISED}),
    S.REVOKED,
    "recognition.revoke_dossier",
    "revoked_at",
)
TRANSITIONS = (SUBMIT, ACCEPT, RETURN, RECOGNISE, REVOKE)
# Answers stay editable while the dossier may still be submitted.
EDITABLE = SUBMIT.sources


def available(user, dossier) -> dict[str, Transition]:
    """The transitions this user may take on this dossier now, by name."""
    return {
        t.name: t
        for t in TRANSITIONS
        if dossier.status in t.sources and user.has_perm(t.permission, dossier)
    }


def check(transition: Transition, *, dossier, actor) -> None:
    """Raise unless the actor may take the transition from the dossier's state."""
    if not actor.has_perm(transition.permission, dossier):
        raise PermissionDenied
    if dossier.status not in transition.sources:
        raise CycleError(_refusal(transition, dossier))


def move(transition: Transition, *, dossier, actor, **fields) -> None:
    """Apply the transition if the dossier is still where it was; else CycleError.

    Call inside the transaction that writes the side effects, so a refusal rolls
    them back too.
    """
    check(transition, dossier=dossier, actor=actor)
    if transition.stamp:
        fields[transition.stamp] = timezone.now()
    moved = Dossier.objects.filter(pk=dossier.pk, status__in=transition.sources).update(
        status=transition.target, **fields
    )
    if not moved:
        raise CycleError(
            _("“%(name)s” was changed by someone else a moment ago; reload the page.")
            % {"name": dossier.subject_name}
        )
    dossier.status = transition.target
    for name, value in fields.items():
        setattr(dossier, name, value)


def _refusal(transition: Transition, dossier) -> str:
    messages = {
        "submit": _("This dossier can no longer be changed."),
        "accept": _("Only a submitted dossier can be accepted."),
        "return": _("Only a submitted dossier can be returned."),
        "recognise": _("“%(name)s” has not been verified yet."),
        "revoke": _("Only a recognised dossier can be revoked."),
    }
    return messages[transition.name] % {"name": dossier.subject_name}

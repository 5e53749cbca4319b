"""What the verify pages and "My learning" show of a record's Open Badge."""

from dataclasses import dataclass

from django import template

from lms.credentials import status_list
from lms.credentials.issuance import certificate_json_url, dossier_json_url
from lms.credentials.models import IssuedCredential
from lms.recognition.constants import DossierStatus
from lms.recognition.models import Dossier

register = template.Library()


@dataclass(frozen=True)
class BadgeState:
    json_url: str  # empty when no credential can be had (revoked before issue)
    revoked: bool
    issuer: str


def _state(credential, *, json_url: str, revoked_record: bool) -> BadgeState:
    if credential is None:
        return BadgeState("" if revoked_record else json_url, revoked_record, "")
    # The verify page reads the bit from the status list, as any verifier does.
    revoked = status_list.is_revoked(credential)
    return BadgeState(
        "" if credential.erased_at else json_url, revoked, credential.issuer.name
    )


@register.simple_tag
def certificate_badge(certificate) -> BadgeState:
    credential = (
        IssuedCredential.objects.select_related("issuer")
        .filter(certificate=certificate)
        .first()
    )
    erased = certificate.learner.personal_data_erased
    return _state(
        credential,
        # No credential is issued for a holder whose data is erased.
        json_url="" if erased else certificate_json_url(certificate),
        revoked_record=not certificate.is_valid,
    )


@register.simple_tag
def dossier_badge(dossier) -> BadgeState:
    credential = (
        IssuedCredential.objects.select_related("issuer")
        .filter(dossier=dossier)
        .first()
    )
    return _state(
        credential,
        json_url=dossier_json_url(dossier),
        revoked_record=dossier.status != DossierStatus.RECOGNISED,
    )


@register.inclusion_tag("credentials/my_titles.html")
def my_title_badges(user):
    """The person's own recognised titles, each with its badge downloads."""
    dossiers = Dossier.objects.filter(
        person=user, status=DossierStatus.RECOGNISED
    ).select_related("decision")
    return {"dossiers": list(dossiers)}

"""Issue OpenBadgeCredentials for certificates and recognised dossiers, once each.

A credential is built, signed and stored the first time it is asked for; after
that the stored copy is served unchanged (a later rename of the course or centre
must not break a signature the holder already has).
"""

import hashlib
from datetime import datetime, time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lms.credentials import keys, proofs, status_list
from lms.credentials.achievements import (
    DECISION_RESULT,
    HOURS_RESULT,
    course_achievement,
    title_achievement,
)
from lms.credentials.dids import base_url, issuer_did, verification_method_id
from lms.credentials.document_loader import OB_V3, VC_V2
from lms.credentials.models import IssuedCredential, Issuer, IssuerKind
from lms.models import Certificate
from lms.recognition.constants import DossierStatus
from lms.recognition.models import Dossier
from lms.recognition.services.privacy import naming_an_erased_person

PLATFORM_SLUG = "nen-tang"


class NotIssuable(Exception):
    """The record has no credential: revoked before issuing, or data erased."""


def _page_url(page) -> str:
    url = page.get_url() or ""
    return url if url.startswith("http") else base_url() + url


def _stamp(moment: datetime) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds")


def certificate_json_url(certificate: Certificate) -> str:
    return base_url() + reverse("credentials:certificate-json", args=[certificate.code])


def dossier_json_url(dossier: Dossier) -> str:
    return base_url() + reverse("credentials:dossier-json", args=[dossier.public_code])


def centre_issuer(centre) -> Issuer:
    if centre is None:
        issuer, _created = Issuer.objects.get_or_create(
            slug=PLATFORM_SLUG,
            defaults={"kind": IssuerKind.CENTRE, "name": settings.WAGTAIL_SITE_NAME},
        )
        return issuer
    issuer, _created = Issuer.objects.get_or_create(
        slug=f"trung-tam-{centre.commune.code}",
        defaults={
            "kind": IssuerKind.CENTRE,
            "name": centre.name,
            "centre": centre,
            "commune": centre.commune,
        },
    )
    return issuer


def authority_issuer(decision) -> Issuer:
    # The same authority text in two communes are two bodies (many "xã Tân Lập").
    digest = hashlib.sha256(decision.authority.encode()).hexdigest()[:10]
    issuer, _created = Issuer.objects.get_or_create(
        slug=f"co-quan-{decision.commune.code}-{digest}",
        defaults={
            "kind": IssuerKind.AUTHORITY,
            "name": decision.authority,
            "commune": decision.commune,
        },
    )
    return issuer


def profile(issuer: Issuer) -> dict:
    data = {"id": issuer_did(issuer), "type": ["Profile"], "name": issuer.name}
    if issuer.centre_id:
        page = getattr(issuer.centre, "page", None)
        if page is not None and page.live:
            data["url"] = _page_url(page)
        if issuer.centre.address:
            data["address"] = {
                "type": ["Address"],
                "streetAddress": issuer.centre.address,
                "addressCountry": "Việt Nam",
            }
    return data


def _subject_identifier(name: str) -> list[dict]:
    return [
        {
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": False,
            "identityHash": name,
        }
    ]


def certificate_document(certificate: Certificate, issuer: Issuer, index: int):
    course = certificate.course
    enrolment = certificate.enrolment
    achievement = course_achievement(course=course, course_url=_page_url(course))
    return {
        "@context": [VC_V2, OB_V3],
        "id": certificate_json_url(certificate),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": _("Course completion: %(title)s") % {"title": course.title},
        "issuer": profile(issuer),
        "validFrom": _stamp(certificate.issued_at),
        "awardedDate": _stamp(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": _subject_identifier(certificate.learner.get_full_name()),
            "activityStartDate": _stamp(enrolment.enrolled_at),
            "activityEndDate": _stamp(enrolment.completed_at or certificate.issued_at),
            "achievement": achievement,
            "result": [
                {
                    "type": ["Result"],
                    "resultDescription": f"{achievement['id']}#{HOURS_RESULT}",
                    "value": f"{certificate.hours:.1f}",
                }
            ],
        },
        "credentialStatus": status_list.entry(issuer, index),
    }


def dossier_document(dossier: Dossier, issuer: Issuer, index: int):
    decision = dossier.decision
    achievement = title_achievement(dossier=dossier)
    decided = timezone.make_aware(datetime.combine(decision.date, time(0)))
    verify_page = base_url() + reverse("recognition:verify", args=[dossier.public_code])
    return {
        "@context": [VC_V2, OB_V3],
        "id": dossier_json_url(dossier),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": achievement["name"],
        "issuer": profile(issuer),
        "validFrom": _stamp(dossier.recognised_at or decided),
        "awardedDate": _stamp(decided),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": _subject_identifier(dossier.subject_name),
            "achievement": achievement,
            "result": [
                {
                    "type": ["Result"],
                    "resultDescription": f"{achievement['id']}#{DECISION_RESULT}",
                    "value": decision.number,
                }
            ],
        },
        "evidence": [
            {
                "id": verify_page,
                "type": ["Evidence"],
                "genre": _("Recognition decision"),
                "name": _("Decision No. %(number)s of %(date)s")
                % {
                    "number": decision.number,
                    "date": decision.date.strftime("%d/%m/%Y"),
                },
                "description": _("Issued by %(authority)s; signed by %(signer)s.")
                % {
                    "authority": decision.authority,
                    "signer": " ".join(
                        part
                        for part in (decision.signer_title, decision.signer_name)
                        if part
                    ),
                },
            }
        ],
        "credentialStatus": status_list.entry(issuer, index),
    }


def _issue(*, issuer: Issuer, build, link: dict) -> IssuedCredential:
    with transaction.atomic():
        # One index per credential: the issuer row is the counter, taken under lock.
        locked = Issuer.objects.select_for_update().get(pk=issuer.pk)
        index = locked.next_status_index
        Issuer.objects.filter(pk=issuer.pk).update(next_status_index=index + 1)
        with translation.override("vi"):
            unsigned = build(locked, index)
        key = keys.active_key()
        now = timezone.now()
        signed = proofs.sign(
            unsigned,
            private_key=keys.private_key(key),
            verification_method=verification_method_id(issuer_did(locked), key),
            created=now,
        )
        return IssuedCredential.objects.create(
            issuer=locked, status_index=index, document=signed, issued_at=now, **link
        )


def credential_for_certificate(certificate: Certificate) -> IssuedCredential:
    existing = IssuedCredential.objects.filter(certificate=certificate).first()
    if existing:
        return existing
    if certificate.learner.personal_data_erased or not certificate.is_valid:
        raise NotIssuable
    try:
        return _issue(
            issuer=centre_issuer(certificate.centre),
            build=lambda issuer, index: certificate_document(
                certificate, issuer, index
            ),
            link={"certificate": certificate},
        )
    except IntegrityError:
        # Asked twice at once: the other request issued it.
        return IssuedCredential.objects.get(certificate=certificate)


def names_an_erased_person(dossier: Dossier) -> bool:
    """Whether someone the dossier's credential would name has erased their data
    (the same people whose credentials `signals.erase_credentials` withdraws),
    a household's, clan's or unit's erased head included though no longer head."""
    if naming_an_erased_person().filter(pk=dossier.pk).exists():
        return True
    people = [
        dossier.person,
        dossier.household.head if dossier.household_id else None,
        dossier.clan.representative if dossier.clan_id else None,
        dossier.unit.head if dossier.unit_id else None,
    ]
    return any(person is not None and person.personal_data_erased for person in people)


def credential_for_dossier(dossier: Dossier) -> IssuedCredential:
    existing = IssuedCredential.objects.filter(dossier=dossier).first()
    if existing:
        return existing
    if dossier.status != DossierStatus.RECOGNISED or dossier.decision_id is None:
        raise NotIssuable
    if names_an_erased_person(dossier):
        raise NotIssuable
    try:
        return _issue(
            issuer=authority_issuer(dossier.decision),
            build=lambda issuer, index: dossier_document(dossier, issuer, index),
            link={"dossier": dossier},
        )
    except IntegrityError:
        return IssuedCredential.objects.get(dossier=dossier)

"""Public documents (DID documents, status lists, credentials) and badge downloads."""

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.views.decorators.cache import never_cache

from lms.credentials import baking
from lms.credentials import status_list as lists
from lms.credentials.dids import did_document, issuer_did, platform_did
from lms.credentials.issuance import (
    NotIssuable,
    credential_for_certificate,
    credential_for_dossier,
)
from lms.credentials.models import Issuer
from lms.models import AccessKind, Certificate
from lms.recognition.constants import DossierStatus
from lms.recognition.models import Dossier
from lms.recognition.services.privacy import subject_person
from lms.services.access_log import log_personal_data_access

LD_JSON = "application/ld+json"
FORMATS = ("json", "png")


def _public_json(document: dict, *, max_age: int = 300) -> JsonResponse:
    response = JsonResponse(
        document, content_type=LD_JSON, json_dumps_params={"ensure_ascii": False}
    )
    # Verifiers run anywhere, browsers included.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response


def platform_did_document(request):
    return _public_json(did_document(platform_did()))


def issuer_did_document(request, slug):
    issuer = get_object_or_404(Issuer, slug=slug)
    return _public_json(did_document(issuer_did(issuer)))


def status_list(request, slug, number):
    issuer = get_object_or_404(Issuer, slug=slug)
    if number < 1 or (number - 1) * lists.LIST_BITS >= max(issuer.next_status_index, 1):
        raise Http404
    # Short: a revocation must reach verifiers soon.
    return _public_json(lists.status_list_credential(issuer, number), max_age=60)


def _certificate(code: str) -> Certificate:
    return get_object_or_404(
        Certificate.objects.select_related(
            "learner", "course", "centre__commune", "enrolment"
        ),
        code=code.strip().upper(),
    )


def _dossier(**lookup) -> Dossier:
    return get_object_or_404(
        Dossier.objects.select_related("decision__commune", "criteria_set"),
        status__in=[DossierStatus.RECOGNISED, DossierStatus.REVOKED],
        **lookup,
    )


def _issued_or_404(issue, record):
    try:
        credential = issue(record)
    except NotIssuable:
        raise Http404 from None
    if credential.erased_at:
        raise Http404
    return credential


def certificate_json(request, code):
    credential = _issued_or_404(credential_for_certificate, _certificate(code))
    return _public_json(credential.document, max_age=0)


def dossier_json(request, code):
    credential = _issued_or_404(credential_for_dossier, _dossier(public_code=code))
    return _public_json(credential.document, max_age=0)


def _download(credential, *, fmt: str, name: str, title: str, subtitle: str):
    if fmt == "json":
        body = json.dumps(credential.document, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type=LD_JSON + "; charset=utf-8")
    else:
        png = baking.bake(credential.document, title=title, subtitle=subtitle)
        response = HttpResponse(png, content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@login_required(login_url="lms:login")
def certificate_badge(request, code, fmt):
    certificate = _certificate(code)
    if fmt not in FORMATS or not request.user.has_perm(
        "credentials.download_certificate_badge", certificate
    ):
        raise Http404
    credential = _issued_or_404(credential_for_certificate, certificate)
    log_personal_data_access(
        viewer=request.user,
        subject=certificate.learner,
        what=AccessKind.CERTIFICATE,
        detail=certificate.course.title,
        path=request.path,
    )
    return _download(
        credential,
        fmt=fmt,
        name=f"open-badge-{certificate.code}",
        title=certificate.course.title,
        subtitle=certificate.issued_at.strftime("%d/%m/%Y"),
    )


@never_cache
@login_required(login_url="lms:login")
def dossier_badge(request, pk, fmt):
    dossier = _dossier(pk=pk)
    if fmt not in FORMATS or not request.user.has_perm(
        "credentials.download_dossier_badge", dossier
    ):
        raise Http404
    credential = _issued_or_404(credential_for_dossier, dossier)
    log_personal_data_access(
        viewer=request.user,
        subject=subject_person(dossier),
        what=AccessKind.DOSSIER_CERTIFICATE,
        detail=str(dossier),
        path=request.path,
    )
    with translation.override("vi"):
        title = str(dossier.get_model_display())
    return _download(
        credential,
        fmt=fmt,
        name=f"open-badge-{dossier.public_code}",
        title=title,
        subtitle=str(dossier.year),
    )

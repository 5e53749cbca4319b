from django.urls import path

from lms.credentials import views

app_name = "credentials"

urlpatterns = [
    path(".well-known/did.json", views.platform_did_document, name="platform-did"),
    path(
        "openbadges/issuers/<slug:slug>/did.json",
        views.issuer_did_document,
        name="issuer-did",
    ),
    path(
        "openbadges/issuers/<slug:slug>/status/<int:number>",
        views.status_list,
        name="status-list",
    ),
    # Public, like the verify pages they sit under: the code is the key.
    path(
        "verify/<str:code>/credential.json",
        views.certificate_json,
        name="certificate-json",
    ),
    path(
        "cong-nhan/xac-thuc/<str:code>/credential.json",
        views.dossier_json,
        name="dossier-json",
    ),
    # Downloads for the holder (and those the rules allow).
    path(
        "hoc-tap/chung-chi/<str:code>/open-badge.<str:fmt>",
        views.certificate_badge,
        name="certificate-badge",
    ),
    path(
        "ho-so-hoc-tap/<int:pk>/open-badge.<str:fmt>",
        views.dossier_badge,
        name="dossier-badge",
    ),
]

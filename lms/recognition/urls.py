from django.urls import path

from lms.recognition import decision_views, evidence_views, views

app_name = "recognition"

urlpatterns = [
    path("cong-dan-hoc-tap/", views.checklist, name="checklist"),
    path("cong-dan-hoc-tap/dang-ky/", views.register_citizen, name="register_citizen"),
    path("dang-ky-hoc-tap/<slug:kind>/", views.register, name="register"),
    path("ho-so-hoc-tap/<int:pk>/", views.dossier_detail, name="dossier"),
    path("ho-so-hoc-tap/<int:pk>/tra-loi/", views.save_answers, name="answers"),
    path("ho-so-hoc-tap/<int:pk>/nop/", views.submit, name="submit"),
    path(
        "ho-so-hoc-tap/<int:pk>/giay-chung-nhan.pdf",
        views.certificate,
        name="certificate",
    ),
    path(
        "ho-so-hoc-tap/minh-chung/<int:pk>/",
        evidence_views.evidence_file,
        name="evidence",
    ),
    path("cong-nhan/", views.queue, name="queue"),
    path("cong-nhan/xu-ly/", views.bulk, name="bulk"),
    path("cong-nhan/ho-so/<int:pk>/tra-lai/", views.return_dossier, name="return"),
    path("cong-nhan/ho-so/<int:pk>/thu-hoi/", views.revoke, name="revoke"),
    path(
        "cong-nhan/quyet-dinh/",
        decision_views.decision_register,
        name="decision_register",
    ),
    path(
        "cong-nhan/quyet-dinh/so-quyet-dinh.xlsx",
        decision_views.decision_register_xlsx,
        name="decision_register_xlsx",
    ),
    path(
        "cong-nhan/quyet-dinh/<int:pk>/",
        decision_views.decision_detail,
        name="decision",
    ),
    path(
        "cong-nhan/quyet-dinh/<int:pk>/quyet-dinh.pdf",
        decision_views.decision_file,
        name="decision_pdf",
    ),
    path("cong-nhan/danh-gia/", views.run_evaluation, name="runs"),
    path("cong-nhan/danh-sach/<int:year>/", views.published, name="published"),
    path("cong-nhan/xac-thuc/<str:code>/", views.verify, name="verify"),
]

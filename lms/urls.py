from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from lms import api
from lms.lesson_flow import views as lesson_flow
from lms.views import account, learning, staff

app_name = "lms"

urlpatterns = [
    path("dang-ky/", account.signup, name="signup"),
    path("dang-nhap/", account.SignInView.as_view(), name="login"),
    path("dang-xuat/", account.sign_out, name="logout"),
    path("quen-mat-khau/", account.forgot_password, name="forgot-password"),
    path("doi-mat-khau/", account.change_password, name="change-password"),
    path("hoc-tap/dang-ky/<int:course_id>/", learning.enrol, name="enrol"),
    path("hoc-tap/roi-khoa/<int:course_id>/", learning.unenrol, name="unenrol"),
    path("hoc-tap/bai-kiem-tra/<int:quiz_id>/", learning.take_quiz, name="quiz"),
    path(
        "hoc-tap/chung-chi/<str:code>.pdf",
        learning.certificate_download,
        name="certificate-pdf",
    ),
    path("hoc-tap-cua-toi/", learning.my_learning_view, name="my-learning"),
    path("hoc-tap-cua-toi/du-lieu/", account.my_data, name="my-data"),
    path(
        "hoc-tap-cua-toi/du-lieu/tuy-chon/",
        account.optional_data,
        name="optional-data",
    ),
    path(
        "hoc-tap-cua-toi/du-lieu/rut-dong-y/",
        account.withdraw_optional_data,
        name="withdraw-optional-data",
    ),
    path("hoc-tap-cua-toi/du-lieu.json", account.export, name="export"),
    path("hoc-tap-cua-toi/xoa-du-lieu/", account.delete_account, name="delete"),
    path("quyen-rieng-tu/", account.privacy_notice, name="privacy"),
    path("verify/<str:code>/", learning.verify, name="verify"),
    path("quan-ly/", staff.dashboard, name="staff"),
    path("quan-ly/lop-hoc/moi/", staff.session_create, name="staff-session-create"),
    path(
        "quan-ly/lop-hoc/<int:session_id>/diem-danh/",
        staff.attendance,
        name="staff-attendance",
    ),
    path("quan-ly/ghi-danh/", staff.enrol_list, name="staff-enrol"),
    path(
        "quan-ly/mat-khau-tam/",
        staff.temporary_password,
        name="staff-temporary-password",
    ),
    path("quan-ly/chung-chi/<str:code>/thu-hoi/", staff.revoke, name="staff-revoke"),
    path("quan-ly/bai-hoc-video/", lesson_flow.new_lesson, name="lesson-flow"),
    path(
        "quan-ly/bai-hoc-video/tai-len/",
        lesson_flow.LessonUploads.as_view(),
        name="lesson-flow-uploads",
    ),
    path(
        "quan-ly/bai-hoc-video/tai-len/<uuid:upload_id>/",
        lesson_flow.LessonUploads.as_view(),
        name="lesson-flow-upload",
    ),
    path(
        "quan-ly/bai-hoc-video/<int:lesson_id>/",
        lesson_flow.status,
        name="lesson-flow-status",
    ),
    path(
        "quan-ly/bai-hoc-video/<int:lesson_id>/thuyet-minh/",
        lesson_flow.audio_track,
        name="lesson-flow-audio-track",
    ),
    path(
        "quan-ly/bai-hoc-video/<int:lesson_id>/phu-de/",
        lesson_flow.subtitles,
        name="lesson-flow-subtitles",
    ),
    path(
        "quan-ly/bai-hoc-video/<int:lesson_id>/cat/",
        lesson_flow.trim,
        name="lesson-flow-trim",
    ),
    path(
        "quan-ly/bai-hoc-video/<int:lesson_id>/thay-video/",
        lesson_flow.replace,
        name="lesson-flow-replace",
    ),
    path("api/lms/enrolments/", api.EnrolmentsView.as_view(), name="api-enrolments"),
    path("api/lms/events/", api.EventsView.as_view(), name="api-events"),
    path("api/lms/me/", api.MeView.as_view(), name="api-me"),
    # OpenAPI 3 description of the three above (YAML; ?format=json for JSON).
    path("api/lms/schema/", SpectacularAPIView.as_view(), name="api-schema"),
]

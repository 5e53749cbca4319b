from django.urls import path

from pwa import views

app_name = "pwa"

urlpatterns = [
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service-worker"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("ngoai-tuyen/", views.offline, name="offline"),
    path("bai-da-luu/", views.saved_lessons, name="saved"),
]

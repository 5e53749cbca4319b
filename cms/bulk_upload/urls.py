from django.urls import path

from .views import bulk_upload

app_name = "cms_bulk_upload"
urlpatterns = [path("", bulk_upload, name="upload")]

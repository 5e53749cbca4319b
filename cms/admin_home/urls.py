from django.urls import path

from cms.admin_home.views import add_lesson

app_name = "cms_admin_home"
urlpatterns = [path("", add_lesson, name="add_lesson")]

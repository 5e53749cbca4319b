from django.urls import path

from . import views

app_name = "cms_library_editors"
urlpatterns = [
    path("", views.editors, name="list"),
    path("<int:user_id>/remove/", views.remove, name="remove"),
]

from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("in/", views.printable, name="print"),
    path("xuat.<str:fmt>", views.export, name="export"),
]

"""A URLconf whose only view fails, to see the 500 page."""

from django.urls import path


def failing(request):
    raise RuntimeError("boom")


urlpatterns = [path("hong/", failing)]

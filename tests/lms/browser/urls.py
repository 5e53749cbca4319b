"""The site's URLs plus a bare lesson page carrying the tracking tag, for browser tests.

The CMS lesson template is another module's; this page renders only the LMS tag.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template import RequestContext, Template
from django.urls import path

from cms.models import LessonPage
from config.urls import urlpatterns as site_urlpatterns

PAGE = Template(
    '{% extends "base.html" %}{% load lms_tags %}{% block content %}'
    "<h1>{{ page.title }}</h1>{% lesson_tracking page %}{% endblock content %}"
)


def lesson(request, pk):
    page = get_object_or_404(LessonPage, pk=pk)
    return HttpResponse(PAGE.render(RequestContext(request, {"page": page})))


# Appended, not included: the site's content-language prefix (/hmn/…) is a
# locale pattern, which Django allows only at the top of a URLconf.
urlpatterns = [path("test-lesson/<int:pk>/", lesson), *site_urlpatterns]

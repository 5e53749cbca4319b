"""Views of the installable web app; none reads the session, so none sets a cookie."""

import json

from django.contrib.staticfiles import finders
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from pwa.manifest import web_app_manifest
from pwa.shell import shell_urls, shell_version, uncached_prefixes

WORKER_SOURCE = "pwa/js/service-worker.js"


@require_GET
@cache_control(public=True, max_age=3600)
def manifest(request):
    return HttpResponse(
        json.dumps(web_app_manifest(), ensure_ascii=False, indent=1),
        content_type="application/manifest+json; charset=utf-8",
    )


@require_GET
@cache_control(no_cache=True, max_age=0)
def service_worker(request):
    """The worker, from the site root so its scope is the whole site.

    Served by a view rather than as a static file: a static URL would put the worker's
    scope under /static/, and a hashed name would change the worker's URL on every
    release. The configuration (shell URLs, version) is prepended as one constant.
    """
    config = {
        "version": shell_version(),
        "shell": shell_urls(),
        "offline": reverse("pwa:offline"),
        "progressStore": static("lms/js/progress-store.js"),
        "staticPrefix": static(""),
        "sessionPaths": [reverse("lms:login"), reverse("lms:logout")],
        "noCachePrefixes": uncached_prefixes(),
    }
    with open(finders.find(WORKER_SOURCE), encoding="utf-8") as file:
        source = file.read()
    response = HttpResponse(
        f"const CONFIG = {json.dumps(config)};\n{source}",
        content_type="text/javascript; charset=utf-8",
    )
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def offline(request):
    """Shown by the worker for a page that was never opened on this phone."""
    return render(request, "pwa/offline.html", {"pwa_shell_page": True})


@require_GET
def saved_lessons(request):
    """The lessons saved on this phone; the list itself is read from Cache Storage."""
    return render(request, "pwa/saved_lessons.html", {"pwa_shell_page": True})


@require_GET
@cache_control(public=True, max_age=86400)
def favicon(request):
    """Browsers ask /favicon.ico whatever the page links; send them the icon."""
    return HttpResponseRedirect(static("pwa/icons/favicon.ico"))

from dataclasses import asdict

from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page

from cms import page_cache
from cms.content_languages import content_language, remember_preference
from cms.models import Licence, Subject, TargetGroup
from cms.page_access import public
from cms.search import CONTENT_TYPES, SearchFilters, search_pages
from cms.translations import live_translation, source_page
from cms.unit_search import search_communes

RESULTS_PER_PAGE = 10


@require_GET
@cache_control(public=True, max_age=3600)
def units_lookup(request):
    """JSON matches for the commune picker."""
    matches = search_communes(request.GET.get("q", "")[:100])
    return JsonResponse({"results": [asdict(m) for m in matches]})


@require_GET
@page_cache.cacheable
def search(request):
    """`/search/?q=`: ranked, filterable, paginated results."""
    query = request.GET.get("q", "").strip()
    filters = SearchFilters.from_query(request.GET)
    results = search_pages(query, filters) if query else Page.objects.none()
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    specific = {
        page.pk: page
        for page in Page.objects.filter(
            pk__in=[page.pk for page in page_obj.object_list]
        ).specific()
    }
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "cms/search.html",
        {
            "query": query,
            "filters": filters,
            "page_obj": page_obj,
            "results": [
                specific[page.pk]
                for page in page_obj.object_list
                if page.pk in specific
            ],
            "querystring": params.urlencode(),
            "content_types": [
                (key, label) for key, (_m, label) in CONTENT_TYPES.items()
            ],
            "subjects": Subject.objects.all(),
            "target_groups": TargetGroup.objects.all(),
            "licences": Licence.objects.all(),
        },
    )


def public_pages():
    """Live pages no view restriction applies to (cms.page_access)."""
    return public(Page.objects.live())


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def choose_language(request, code):
    """Remember the content language and show the page (`?trang=`) in it.

    A link (GET) keeps the choice in this browser's cookie only: any other site
    can make a browser follow a link, so only the chooser's form (POST, with its
    CSRF token, shown to signed-in people) changes what is saved with the person.
    """
    language = content_language(code)
    if language is None:
        raise Http404
    try:
        page_id = int(request.GET.get("trang") or 0)
    except ValueError:
        page_id = 0
    page = public_pages().filter(pk=page_id).first()
    target = None
    if page is not None:
        source = source_page(page.specific)
        target = live_translation(source, language.code) or source
        if not public_pages().filter(pk=target.pk).exists():
            target = page  # a draft or private version's address is not shown
    response = redirect(target.get_url(request) if target else "/")
    remember_preference(
        request, response, language.code, with_person=request.method == "POST"
    )
    return response

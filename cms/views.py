from dataclasses import asdict

from django.http import JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from cms.unit_search import search_communes


@require_GET
@cache_control(public=True, max_age=3600)
def units_lookup(request):
    """JSON matches for the commune picker."""
    matches = search_communes(request.GET.get("q", "")[:100])
    return JsonResponse({"results": [asdict(m) for m in matches]})

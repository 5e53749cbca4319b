"""Wagtail's page view, given the site and the page found from memory.

cms.page_lookup finds both without walking the tree. Translated trees sit
under their own home page (/home-hmn/… for Hmông), so with Wagtail's translations on
the page is looked for under the active language's home page, in its locale, as
`HomePage.route` would; when none is found there, Wagtail routes as usual.
"""

from django.conf import settings
from wagtail import views as wagtail_views
from wagtail.url_routing import RouteResult
from wagtail.urls import serve_pattern

from cms.page_lookup import (
    active_locale_id,
    home_for,
    live_page_at,
    site_for_request,
    site_root_paths,
)

# The addresses Wagtail's own `wagtail_serve` route answers.
SERVE_PATTERN = serve_pattern


def serve(request, path):
    """Wagtail's `serve`, given the site and (below the home page) the route."""
    site = request._wagtail_site = site_for_request(request)
    # Where Wagtail keeps them for the request's page addresses.
    request._wagtail_cached_site_root_paths = site_root_paths()
    if site is not None and path.endswith("/"):
        locale_id = active_locale_id() if settings.WAGTAIL_I18N_ENABLED else None
        home_path, locale_id = home_for(site, locale_id)
        page = live_page_at(home_path + path, locale_id=locale_id)
        if page is not None:
            request._wagtail_route_for_request = RouteResult(page)
    return wagtail_views.serve(request, path)

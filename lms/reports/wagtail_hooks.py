from wagtail import hooks

from cms.models import OpenResourcePage

from .views_counter import record_view


@hooks.register("before_serve_page")
def count_open_resource_view(page, request, serve_args, serve_kwargs):
    if request.method == "GET" and isinstance(page.specific, OpenResourcePage):
        record_view(page_id=page.pk)

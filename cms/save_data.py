"""The browser's data-saver wish (the ``Save-Data: on`` request header).

A page that reads it renders differently with and without it, so its response
must say ``Vary: Save-Data`` for any cache in between; the middleware adds that
to exactly the responses that read the header.
"""

from django.utils.cache import patch_vary_headers

HEADER = "Save-Data"


def wants_save_data(request) -> bool:
    """Whether the browser asks for less data; notes that the answer varies on it."""
    if request is None:
        return False
    request.reads_save_data = True
    return request.headers.get(HEADER, "").strip().lower() == "on"


class SaveDataVaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "reads_save_data", False):
            patch_vary_headers(response, [HEADER])
        return response

"""Vietnamese first, whatever language the browser asks for.

Many staff and learners use browsers set up in English (``Accept-Language: en-US``);
Django's ``LocaleMiddleware`` would then serve them English. Here the language comes
from an explicit choice only: a language prefix in the URL, or the cookie that
``/i18n/setlang/`` sets. Otherwise it is ``LANGUAGE_CODE`` (Vietnamese). In the
Wagtail admin, a user's own language preference still wins.

A content-language prefix (``/hmn/…``, cms.language_urls) activates that language so
Wagtail serves the Hmông page; those languages have no interface catalogue, so the
words around the lesson stay Vietnamese (``request.interface_language`` says which).
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        super().process_request(request)
        translation.activate(chosen_language(request) or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
        interface = {code for code, _name in settings.INTERFACE_LANGUAGES}
        request.interface_language = (
            request.LANGUAGE_CODE
            if request.LANGUAGE_CODE in interface
            else settings.LANGUAGE_CODE
        )


def chosen_language(request) -> str | None:
    """The language the visitor chose by URL prefix or cookie, if it is offered.

    The cookie names an interface language only: a content language there would
    expect a prefix on every address.
    """
    from_path = translation.get_language_from_path(request.path_info)
    if from_path:
        return from_path
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie in {code for code, _name in settings.INTERFACE_LANGUAGES}:
        return cookie
    return None

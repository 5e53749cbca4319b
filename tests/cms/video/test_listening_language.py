"""Which language the player starts in: the page's own on a translated page."""

from django.test import RequestFactory

from cms.content_languages import PREFERENCE_COOKIE
from cms.video.languages import listening_language


def request_for(language_code, cookie=""):
    request = RequestFactory().get("/")
    request.LANGUAGE_CODE = language_code
    if cookie:
        request.COOKIES[PREFERENCE_COOKIE] = cookie
    return request


def test_a_hmong_page_starts_in_hmong_whatever_was_chosen_before():
    assert listening_language(request_for("hmn")) == "hmn"
    assert listening_language(request_for("hmn", cookie="vi")) == "hmn"


def test_a_vietnamese_page_starts_in_the_visitors_choice():
    assert listening_language(request_for("vi", cookie="hmn")) == "hmn"
    assert listening_language(request_for("vi")) == "vi"
    # English is an interface language, not a lesson's: the choice still counts.
    assert listening_language(request_for("en", cookie="hmn")) == "hmn"

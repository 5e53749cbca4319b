from django.test import RequestFactory

from cms.content_languages import (
    PREFERENCE_COOKIE,
    autonym,
    choices_for_staff,
    preferred_language,
)


def test_languages_are_named_in_their_own_words():
    assert autonym("hmn") == "Lus Hmoob"
    assert autonym("vi") == "Tiếng Việt"
    assert autonym("xx") == "xx"


def test_staff_see_the_vietnamese_name_and_the_own_name():
    choices = dict(choices_for_staff())
    assert choices["hmn"] == "Tiếng Hmông (Lus Hmoob)"
    assert choices["vi"] == "Tiếng Việt"


def test_preference_comes_from_the_cookie_and_falls_back_to_vietnamese():
    factory = RequestFactory()
    chosen = factory.get("/")
    chosen.COOKIES[PREFERENCE_COOKIE] = "HMN"
    assert preferred_language(chosen) == "hmn"
    unknown = factory.get("/")
    unknown.COOKIES[PREFERENCE_COOKIE] = "fr"
    assert preferred_language(unknown) == "vi"
    assert preferred_language(factory.get("/")) == "vi"


def test_every_content_language_has_a_catalogue_so_its_pages_answer():
    """`make messages` compiles the empty locale/<code>/ catalogues; without them
    Django would not accept /hmn/ and the check says so."""
    from cms.language_urls import check_content_catalogues

    assert check_content_catalogues() == []

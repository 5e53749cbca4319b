"""Finding the site and the page of a request from memory instead of the database.

For every page Wagtail asks the database which site answers the host, loads the
site's home page to route from, then walks the tree. Here the site (with its root
page) and the address → (page id, page type) pairs are kept in this process
(cms.process_memo), so a page costs one query to find: its own row, of its own
type, with the relations its template shows (`serve_related` on the model).
The row read is the truth: a remembered id whose row is gone, moved or not live is
looked up afresh, so a stale memory can only cost a query, never a wrong page.
"""

from django.contrib.contenttypes.models import ContentType
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.models.sites import get_site_for_hostname

from cms.content_languages import DEFAULT_CODE
from cms.page_cache import request_version
from cms.process_memo import ProcessMemo

_sites = ProcessMemo(maxsize=50)
_addresses = ProcessMemo(maxsize=5000)


def site_for_request(request) -> Site | None:
    """`Site.find_for_request`, remembered per host and port in this process."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def find():
        try:
            return get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None

    return _sites.get(request_version(), (hostname, port), find)


def site_root_paths() -> list:
    """`Site.get_site_root_paths`, which every page address needs, remembered in
    this process instead of read from the shared cache once a request."""
    return _sites.get(request_version(), "root paths", Site.get_site_root_paths)


def home_for(site: Site, locale_id: int | None) -> tuple[str, int | None]:
    """The address and locale pages of this language are found under: the live
    translation of the site's home page in that locale, else the home page itself,
    as Wagtail routes (`site.root_page.localized`). Remembered in this process."""
    root = site.root_page
    if locale_id is None or locale_id == root.locale_id:
        return root.url_path, locale_id

    def find():
        translation = (
            Page.objects.live()
            .filter(translation_key=root.translation_key, locale_id=locale_id)
            .values_list("url_path", "locale_id")
            .first()
        )
        return translation or (root.url_path, root.locale_id)

    return _sites.get(request_version(), ("home", site.pk, locale_id), find)


# Page type -> the SQL that reads one page of that type by id and address, as the
# ORM writes it, compiled once per process: compiling a page type's 35 columns
# cost more than running the query.
_row_sql: dict[type, str] = {}


def _specific(page_id: int, content_type_id: int, url_path: str) -> Page | None:
    model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
    related = getattr(model, "serve_related", ())
    if related:
        return (
            model.objects.select_related(*related)
            .filter(pk=page_id, url_path=url_path)
            .first()
        )
    sql = _row_sql.get(model)
    if sql is None:
        query = model.objects.filter(pk=0, url_path="").query
        sql = _row_sql[model] = query.sql_with_params()[0]
    return next(iter(model.objects.raw(sql, [page_id, url_path])), None)


def live_page_at(url_path: str, *, locale_id: int | None = None) -> Page | None:
    """The live page at this address, of its own type, or None.

    Translated trees share addresses: with ``locale_id`` only that language's page.
    """
    version = request_version()
    key = (url_path, locale_id)
    known = _addresses.get(version, key, lambda: None)
    if known is not None:
        page = _specific(*known, url_path)
        if page is not None:
            return page if page.live else None
    rows = Page.objects.filter(url_path=url_path)
    if locale_id is not None:
        rows = rows.filter(locale_id=locale_id)
    row = rows.values_list("pk", "content_type_id", "live").first()
    if row is None or not row[2]:
        return None
    _addresses.put(version, key, row[:2])
    page = _specific(*row[:2], url_path)
    return page if page is not None and page.live else None


def active_locale_id() -> int | None:
    """The locale of the language active for this request (/hmn/… → Hmông),
    remembered per process; None when no locale has that language."""
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:  # an interface language (English): the Vietnamese pages
        code = DEFAULT_CODE
    return _sites.get(
        request_version(),
        ("locale", code),
        lambda: (
            Locale.objects.filter(language_code=code)
            .values_list("pk", flat=True)
            .first()
        ),
    )

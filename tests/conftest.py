"""Shared fixtures: the page tree, places and roles exist once per test database."""

import socket

import pytest
from django.contrib.auth import get_user_model

from cms.models import Commune
from cms.places_loader import load_administrative_units
from cms.roles import sync_role_groups
from cms.site_setup import ensure_home_page


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the 3,321 communes once; each test's transaction rolls back to here."""
    with django_db_blocker.unblock():
        load_administrative_units()
        ensure_home_page()
        sync_role_groups()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits (the learner API's) count in the cache: every test starts at zero."""
    from django.core.cache import cache

    from lms.reports import views_counter

    cache.clear()
    # Views counted in this process but not yet in the cache belong to no test.
    views_counter._pending.clear()
    views_counter._seen.clear()


@pytest.fixture
def home_page(db):
    return ensure_home_page()


@pytest.fixture
def commune(db):
    return Commune.objects.get(code="03037")  # Xã Tả Van, Lào Cai


@pytest.fixture
def other_commune(db):
    return Commune.objects.get(code="00070")  # Phường Hoàn Kiếm, Hà Nội


@pytest.fixture
def resident(db, commune):
    return get_user_model().objects.create_user(
        phone="0912345678",
        password="mat-khau-1",
        full_name="Nguyễn Thị Hoa",
        commune=commune,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint():
    """A local S3 API (moto's server mode) on loopback for the whole session."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_bucket(s3_endpoint, monkeypatch):
    """A fresh bucket; yields (endpoint, bucket name, boto3 client)."""
    import uuid

    import boto3

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    name = f"test-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name)
    return s3_endpoint, name, client


def moto_storage_options(endpoint: str, bucket: str, **options) -> dict:
    """django-storages options for a bucket on the local S3 API server."""
    return {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "access_key": "testing",
        "secret_key": "testing",
        "region_name": "us-east-1",
        "addressing_style": "path",
        "file_overwrite": False,
        **options,
    }


@pytest.fixture
def s3_storage_settings(s3_bucket, settings):
    """Point Django's default storage at the moto bucket, as the env vars would."""
    endpoint, bucket, client = s3_bucket
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": moto_storage_options(endpoint, bucket, querystring_auth=False),
        },
    }
    return bucket, client


def _flushes_database(item) -> bool:
    names = getattr(item, "fixturenames", ())
    if "live_server" in names or "transactional_db" in names:
        return True
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put the reference data back after a transactional test flushed the database."""
    yield
    # After the last test the session has already destroyed the test database.
    if nextitem is None or not _flushes_database(item):
        return
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        restore_reference_data()


def restore_reference_data():
    """What migrations and the session set-up created, which a flush erased."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page

    from cms.constants import ROOT_COLLECTION_NAME, ROOT_PAGE_TITLE
    from cms.places_loader import load_administrative_units
    from cms.roles import sync_role_groups
    from cms.site_setup import ensure_home_page

    locale, _created = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if not Collection.objects.exists():
        Collection.add_root(name=ROOT_COLLECTION_NAME)
    if not Page.objects.exists():
        Page.add_root(
            instance=Page(
                title=ROOT_PAGE_TITLE,
                slug="root",
                locale=locale,
                content_type=ContentType.objects.get_for_model(Page),
            )
        )
    load_administrative_units()
    ensure_home_page()
    sync_role_groups()
    _restore_recognition_reference_data()


def _restore_recognition_reference_data():
    """The criteria sets, authorities and village officers' group migrations seeded."""
    from accounts.roles import Role, group_for
    from lms.recognition.authority_defaults import load_default_authorities
    from lms.recognition.criteria.seed import load_seed_sets
    from lms.recognition.models import (
        CriteriaSet,
        Criterion,
        Indicator,
        RecognisingAuthority,
    )

    if not CriteriaSet.objects.exists():
        load_seed_sets(CriteriaSet, Criterion, Indicator)
    load_default_authorities(RecognisingAuthority)
    group_for(Role.VILLAGE_OFFICER)


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A real redis-server (Debian package) on a free loopback port, nothing saved."""
    import shutil
    import subprocess
    import time

    import redis

    binary = shutil.which("redis-server")
    assert binary, "redis-server is missing: .ci/apt-install redis-server"
    port = free_port()
    process = subprocess.Popen(
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", ""]
        + ["--appendonly", "no", "--dir", str(tmp_path_factory.mktemp("redis"))],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + 20
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def redis_cache(redis_url, settings):
    """Django's cache on the real Redis server, empty at the start of the test."""
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
        }
    }
    return redis_url

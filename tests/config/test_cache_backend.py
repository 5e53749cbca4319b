"""The cache backend: shared files by default, a real Redis chosen by REDIS_URL."""

import redis

from tests.config.test_settings import run_django

SHOW_BACKEND = (
    "from django.core.cache import caches; from django.conf import settings;"
    "print(type(caches['default']).__name__, settings.CACHES['default']['LOCATION'])"
)


def test_embedded_default_shares_a_file_cache_between_processes(tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.embedded",
        "SECRET_KEY": "x" * 50,
        "REDIS_URL": None,
        "CACHE_DIR": str(tmp_path),
    }
    shown = run_django(SHOW_BACKEND, env)
    assert shown.stdout.split() == ["FileBasedCache", str(tmp_path)], shown.stderr
    written = run_django("from django.core.cache import cache; cache.set('k', 7)", env)
    assert written.returncode == 0, written.stderr
    read = run_django("from django.core.cache import cache; print(cache.get('k'))", env)
    assert read.stdout.strip() == "7", read.stderr


def test_redis_url_chooses_redis_shared_between_processes(redis_url):
    redis.Redis.from_url(redis_url).flushdb()
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "REDIS_URL": redis_url,
    }
    shown = run_django(SHOW_BACKEND, env)
    assert shown.stdout.split() == ["RedisCache", redis_url], shown.stderr
    written = run_django(
        "from django.core.cache import cache; cache.set('k', 'Bài 1'); cache.incr("
        "'n', 1) if cache.add('n', 1) is False else None",
        env,
    )
    assert written.returncode == 0, written.stderr
    read = run_django(
        "from django.core.cache import cache; print(cache.get('k'), cache.get('n'))",
        env,
    )
    assert read.stdout.split() == ["Bài", "1", "1"], read.stderr
    assert redis.Redis.from_url(redis_url).keys("tthtcd:*")

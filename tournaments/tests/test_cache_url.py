"""CACHE_URL picks the cache every worker and server shares."""

import os

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from copaperu_site.cache_url import parse_cache_url


def test_redis_urls_go_to_djangos_redis_cache_as_they_are():
    config = parse_cache_url("redis://cache.internal:6379/2")
    assert config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert config["LOCATION"] == "redis://cache.internal:6379/2"


def test_a_file_cache_needs_an_absolute_folder():
    assert parse_cache_url("file:///var/cache/copaperu")["LOCATION"] == "/var/cache/copaperu"
    with pytest.raises(ImproperlyConfigured, match="absolute path"):
        parse_cache_url("file://relative/cache")


def test_an_unknown_scheme_says_which_ones_work():
    with pytest.raises(ImproperlyConfigured, match="redis://"):
        parse_cache_url("memcache://127.0.0.1:11211")


@pytest.mark.skipif(not os.environ.get("CACHE_URL", "").startswith("redis"), reason="CI's Redis run only")
def test_the_suite_really_runs_on_the_configured_redis():
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    assert isinstance(caches["default"], RedisCache)
    cache.set("copaperu:probe", "shared", 30)
    assert cache.get("copaperu:probe") == "shared"

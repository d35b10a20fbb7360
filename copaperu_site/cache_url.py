"""Turn a CACHE_URL into Django's CACHES entry.

Four schemes cover every deployment we have: `redis://` (or `rediss://`) for several servers sharing one cache,
`file:///path` for one machine with several gunicorn workers, `locmem://` for one process, and `dummy://` to switch
caching off. Django's own RedisCache takes the URL as it is, so the whole parser is a table of schemes: a
URL-parsing dependency would add more code than it saves.
"""

from django.core.exceptions import ImproperlyConfigured

_BACKENDS = {
    "redis": "django.core.cache.backends.redis.RedisCache",
    "rediss": "django.core.cache.backends.redis.RedisCache",
    "file": "django.core.cache.backends.filebased.FileBasedCache",
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
    "dummy": "django.core.cache.backends.dummy.DummyCache",
}


def parse_cache_url(url, *, timeout=86400, max_entries=20000):
    """A CACHES["default"] dict for the URL.

    >>> parse_cache_url("redis://127.0.0.1:6379/1")["LOCATION"]
    'redis://127.0.0.1:6379/1'
    >>> parse_cache_url("file:///var/cache/copaperu")["LOCATION"]
    '/var/cache/copaperu'
    """
    scheme, separator, rest = url.partition("://")
    if not separator or scheme not in _BACKENDS:
        known = ", ".join(f"{name}://" for name in _BACKENDS)
        raise ImproperlyConfigured(f"CACHE_URL {url!r} is not understood; use one of {known}.")
    config = {"BACKEND": _BACKENDS[scheme], "TIMEOUT": timeout}
    if scheme in ("redis", "rediss"):
        config["LOCATION"] = url
    elif scheme == "file":
        if not rest.startswith("/"):
            raise ImproperlyConfigured("A file:// CACHE_URL needs an absolute path: file:///var/cache/copaperu.")
        config["LOCATION"] = rest
        # The file cache culls when full; a 60-season archive has a few thousand pages.
        config["OPTIONS"] = {"MAX_ENTRIES": max_entries}
    elif scheme == "locmem":
        config["LOCATION"] = rest or "copaperu"
        config["OPTIONS"] = {"MAX_ENTRIES": max_entries}
    return config

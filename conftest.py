"""Project-wide pytest fixtures."""

import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command

SHIPPED_SEASON_FIXTURES = sorted(str(path) for path in (Path(__file__).parent / "fixtures").glob("copa_peru_*.json"))


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The manifest storage needs `collectstatic` first; tests render pages without collecting.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def shipped_seasons(db):
    """The 1998 and 2008 seasons exactly as the site ships them."""
    call_command("loaddata", *SHIPPED_SEASON_FIXTURES, verbosity=0)


@pytest.fixture(autouse=True)
def _empty_page_cache(settings):
    # Tests roll back without signals, so a page cached by one test must not be served to the next. Without a
    # CACHE_URL the tests use process memory; CI's Redis run keeps the configured cache and empties it.
    if not os.environ.get("CACHE_URL"):
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}}
    cache.clear()

"""Project-wide pytest fixtures."""

from pathlib import Path

import pytest
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

"""Where the seasons the archive ships with live: fixtures/copa_peru_YEAR.json, built from the seed articles.

Free of Django imports so that the test configuration can use it before Django is set up.
"""

from pathlib import Path

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fixtures"


def fixture_name(year):
    return f"copa_peru_{year}.json"


def shipped_fixture_paths():
    """Every shipped season's fixture file, oldest season first."""
    return sorted(str(path) for path in FIXTURES_DIR.glob(fixture_name("*")))

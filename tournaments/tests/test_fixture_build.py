"""The shipped fixtures are exactly what ./scripts/build-fixtures makes of the articles: the seeds and the roll of
champions, through the importer, one fixture per season."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tournaments.management.commands.build_fixtures import ROLL, SEEDS, shipped_articles
from tournaments.shipped import FIXTURES_DIR, fixture_name

pytestmark = pytest.mark.django_db


def test_every_article_is_shipped_seeds_first():
    articles = shipped_articles()
    assert [path.parent for path in articles[:2]] == [SEEDS, SEEDS]
    years = {int(path.stem) for path in ROLL.glob("*.txt")}
    assert years == set(range(1967, 2026)) - {1998, 2008}
    assert len(articles) == 59


def test_the_shipped_fixtures_are_what_the_build_makes(tmp_path):
    """Built as scripts/build-fixtures builds them, in a scratch SQLite database of their own: the primary keys the
    fixtures carry must not depend on the database the suite runs on (PostgreSQL's sequences are not rolled back)."""
    root = Path(__file__).resolve().parents[2]
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "CACHE_URL")}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'build.sqlite3'}"
    output = tmp_path / "fixtures"
    output.mkdir()
    for command in (["migrate", "--no-input", "-v0"], ["build_fixtures", "--output", str(output), "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=root, env=env, check=True, capture_output=True)
    built = sorted(path.name for path in output.iterdir())
    assert built == [fixture_name(year) for year in range(1967, 2026)]
    assert built == sorted(path.name for path in FIXTURES_DIR.glob(fixture_name("*")))
    for name in built:
        assert (output / name).read_text(encoding="utf-8") == (FIXTURES_DIR / name).read_text(encoding="utf-8"), name

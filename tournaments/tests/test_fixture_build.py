"""The shipped fixtures are exactly what ./scripts/build-fixtures makes of the articles: the seeds and the roll of
champions, through the importer, one fixture per season."""

import pytest
from django.core.management import call_command

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
    call_command("build_fixtures", output=str(tmp_path), verbosity=0)
    built = sorted(path.name for path in tmp_path.iterdir())
    assert built == [fixture_name(year) for year in range(1967, 2026)]
    assert built == sorted(path.name for path in FIXTURES_DIR.glob(fixture_name("*")))
    for name in built:
        assert (tmp_path / name).read_text(encoding="utf-8") == (FIXTURES_DIR / name).read_text(encoding="utf-8"), name

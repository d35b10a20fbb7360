"""`manage.py build_fixtures`: regenerate fixtures/copa_peru_YEAR.json from the seed articles and the roll of
champions (seeds/roll/YEAR.txt), all through the importer."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tournaments.services.article_parser import ArticleError
from tournaments.services.fixture_build import build_fixtures
from tournaments.shipped import FIXTURES_DIR, fixture_name

SEEDS = Path(settings.SEED_ARTICLES_DIR)
ROLL = SEEDS / "roll"


def shipped_articles():
    """The articles the archive ships: the seed articles first (they win for their seasons), then the roll of
    champions year by year."""
    return sorted(SEEDS.glob("*.txt")) + sorted(ROLL.glob("*.txt"))


class Command(BaseCommand):
    help = (
        "Import each seed and roll article into the (empty) database and write fixtures/copa_peru_YEAR.json; "
        "nothing is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("articles", nargs="*", help=f"Article files (default: {SEEDS}/*.txt, then {ROLL}/*.txt).")
        parser.add_argument("--output", default=str(FIXTURES_DIR))

    def handle(self, articles, output, **options):
        paths = [Path(path) for path in articles] or shipped_articles()
        if not paths:
            raise CommandError(f"No articles given and none found in {SEEDS}.")
        try:
            built = build_fixtures([(path, path.read_text(encoding="utf-8")) for path in paths])
        except (ArticleError, ValueError) as error:
            raise CommandError(str(error)) from error
        for year, fixture in built.items():
            target = Path(output) / fixture_name(year)
            target.write_text(fixture + "\n", encoding="utf-8")
            self.stdout.write(f"Wrote {target}")

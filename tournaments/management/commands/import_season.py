"""`manage.py import_season PATH [--dry-run]`: create or update one season from an article."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tournaments.services.article_parser import ArticleError
from tournaments.services.season_import import import_season


class Command(BaseCommand):
    help = "Create or update a season from an article in the seed format; --dry-run shows the changes only."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="Print what would change and write nothing.")

    def handle(self, path, dry_run, **options):
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: cannot read the article ({error})") from error
        try:
            report = import_season(text, path, dry_run=dry_run)
        except ArticleError as error:
            # "PATH:LINE: reason" alone, as compilers print it, so editors' tools can jump to the line.
            self.stderr.write(str(error))
            sys.exit(1)
        self.stdout.write("\n".join(report.lines()))

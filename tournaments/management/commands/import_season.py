"""`manage.py import_season PATH [--dry-run] [--allow-removals]`: create or update one season from an article."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tournaments.services.article_parser import ArticleError
from tournaments.services.season_import import (
    COMMAND_USER,
    MAX_ARTICLE_BYTES,
    RemovalsNotAllowed,
    import_season,
    too_large_sentence,
)


class Command(BaseCommand):
    help = "Create or update a season from an article in the seed format; --dry-run shows the changes only."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="Print what would change and write nothing.")
        parser.add_argument(
            "--allow-removals",
            action="store_true",
            help="Let the import remove stored rows the article no longer has (read the --dry-run report first).",
        )

    def handle(self, path, dry_run, allow_removals, **options):
        try:
            size = Path(path).stat().st_size
            if size > MAX_ARTICLE_BYTES:
                raise CommandError(f"{path}: {too_large_sentence(size)}")
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: cannot read the article ({error})") from error
        try:
            report = import_season(text, path, dry_run=dry_run, allow_removals=allow_removals, who=COMMAND_USER)
        except ArticleError as error:
            # "PATH:LINE: reason" alone, one per line as compilers print them, so editors' tools can jump to each.
            self.stderr.write(str(error))
            sys.exit(1)
        except RemovalsNotAllowed as refused:
            self.stderr.write(
                f"{path}: {refused} Nothing was written. Check the removals with --dry-run, then run again with "
                "--allow-removals to import them."
            )
            sys.exit(1)
        self.stdout.write("\n".join(report.lines()))

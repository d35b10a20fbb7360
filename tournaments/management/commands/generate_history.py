"""`manage.py generate_history --seasons N`: a synthetic archive for scale tests (see services/synthetic_archive.py)."""

import time

from django.core.management.base import BaseCommand, CommandError

from tournaments.services.synthetic_archive import LAST_YEAR, MAX_SEASONS, delete_history, generate_history


class Command(BaseCommand):
    help = (
        f"Replace the synthetic seasons (years {LAST_YEAR} downwards, marked SYNTHETIC, clubs named '(synthetic)') "
        "with N new ones. Real seasons are never touched. Never dump these into fixtures/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seasons", type=int, default=58, help=f"How many (1-{MAX_SEASONS}); default 58.")
        parser.add_argument("--seed", type=int, default=1967, help="Same seed, same archive.")
        parser.add_argument("--delete", action="store_true", help="Only remove the synthetic seasons and clubs.")

    def handle(self, seasons, seed, delete, **options):
        started = time.perf_counter()
        if delete:
            removed = delete_history()
            self.stdout.write(f"Removed the synthetic seasons and clubs ({removed} rows).")
            return
        try:
            years = generate_history(seasons, seed=seed)
        except ValueError as error:
            raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - started
        self.stdout.write(f"Generated {len(years)} synthetic seasons ({years[-1]}-{years[0]}) in {elapsed:.1f} s.")

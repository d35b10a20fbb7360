"""`manage.py export_season YEAR`: print a stored season as an article in the seed format."""

from django.core.management.base import BaseCommand, CommandError

from tournaments.models import Season
from tournaments.services.season_export import export_season


class Command(BaseCommand):
    help = "Print a season as an article that import_season reads back to the same data."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)

    def handle(self, year, **options):
        try:
            self.stdout.write(export_season(year), ending="")
        except Season.DoesNotExist as error:
            raise CommandError(f"No season {year} is stored.") from error

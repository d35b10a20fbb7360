"""Load the shipped seasons (fixtures/copa_peru_*.json) into an empty archive.

The quick start runs this on every start, so it must never overwrite what editors have entered since:
an archive that already holds any season is left alone.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from tournaments.models import Season
from tournaments.shipped import shipped_fixture_paths


class Command(BaseCommand):
    help = "Load the shipped Copa Perú seasons into an empty archive; does nothing once seasons exist."

    def handle(self, *args, **options):
        if Season.objects.exists():
            self.stdout.write("The archive already has seasons; shipped seasons not reloaded.")
            return
        call_command("loaddata", *shipped_fixture_paths(), verbosity=0)
        years = ", ".join(str(year) for year in Season.objects.order_by("year").values_list("year", flat=True))
        self.stdout.write(self.style.SUCCESS(f"Loaded the shipped seasons: {years}."))

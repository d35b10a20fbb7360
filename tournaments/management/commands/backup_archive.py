"""`manage.py backup_archive PATH`: the whole site (data, users, media) in one .tar.gz (see services/backups.py)."""

from django.core.management.base import BaseCommand

from tournaments.services.backups import backup


class Command(BaseCommand):
    help = "Write every app's data, the users and the media folder to one .tar.gz file."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Where to write the archive, e.g. backups/copaperu-2024-05-01.tar.gz")

    def handle(self, path, **options):
        manifest = backup(path)
        self.stdout.write(f"Wrote {path}: {manifest['objects']} objects, {manifest['media_files']} media files.")

"""`manage.py backup_archive PATH`: the whole site (data, users, media) in one .tar.gz (see services/backups.py)."""

from django.core.management.base import BaseCommand, CommandError

from tournaments.services.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write every app's data, the users and the media folder to one .tar.gz file, readable by its owner only: "
        "one consistent snapshot, checked before it is reported written."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Where to write the archive, e.g. backups/copaperu-2024-05-01.tar.gz")

    def handle(self, path, **options):
        try:
            manifest = backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Wrote {path}: {manifest['objects']} objects, {manifest['media_files']} media files.")

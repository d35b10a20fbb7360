"""`manage.py restore_archive PATH`: replace the database's contents and media with a backup_archive file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tournaments.services.backups import BackupError, restore


class Command(BaseCommand):
    help = "Replace ALL data (and the media files the backup holds) with the contents of a backup_archive file."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--no-input", action="store_false", dest="interactive", help="Do not ask to confirm.")

    def handle(self, path, interactive=True, **options):
        # A missing file is said before the editor is asked to confirm replacing everything with it.
        if not Path(path).is_file():
            raise CommandError(f"No backup at {path}: check the path; nothing was changed.")
        if interactive:
            try:
                answer = input(f"This replaces every record in the database with {path}. Type 'yes' to go on: ")
            except (EOFError, KeyboardInterrupt):
                # Closed input (a script, cron, `< /dev/null`) cannot have said yes; --no-input is the way to go on.
                raise CommandError(
                    "No answer could be read, so the restore was cancelled and nothing was changed; "
                    "use --no-input to restore without being asked."
                ) from None
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        try:
            manifest = restore(path, command="restore_archive")
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {manifest['objects']} objects and {manifest['media_files']} media files.")

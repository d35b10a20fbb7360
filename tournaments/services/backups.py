"""Backing up and restoring the whole site: every app's data (users included) and the media folder, in one file.

The archive is a .tar.gz holding `data.json` (Django's dumpdata, with natural foreign keys so users keep their
permissions and the admin's history keeps its content types across databases) and `media/` (MEDIA_ROOT as it was).
Primary keys are kept: the public pages' anchors (#match-41, #tie-7) are built from them and must survive a
restore. Left out, because `migrate` recreates them or they are worthless on another machine: content types,
permissions, sessions and axes' transient lockouts.

A backup is one consistent snapshot while editors keep writing: on SQLite the database's own online backup copies
it in one step and the dump reads that copy; on PostgreSQL every table is read in one REPEATABLE READ transaction.
Before the file is reported written, its data is loaded into a scratch in-memory database, so a reference that
does not resolve fails the backup instead of the restore. The file holds password hashes: it is created readable
by its owner only (0600), and appears under its name only once complete and checked.

A restore checks the file the same way before it touches anything, then replaces the data in one transaction
and records the restore as a django-reversion revision naming the command and the file.
"""

import json
import os
import sqlite3
import tarfile
import tempfile
import zlib
from contextlib import contextmanager
from pathlib import Path

import reversion
from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connections, transaction
from django.db.utils import load_backend
from django.utils import timezone

from ..caching import bump_archive_version

EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes.accessattempt"]
DATA_NAME = "data.json"
MEDIA_NAME = "media"
MANIFEST_NAME = "manifest.json"
SNAPSHOT_ALIAS = "backup_snapshot"
SCRATCH_ALIAS = "backup_check"
OWNER_ONLY = 0o600


class BackupError(Exception):
    """Why a backup could not be written or a file cannot be restored, as a sentence; nothing was changed."""


def backup(path):
    """Write the archive to `path` and return its manifest (object and media file counts).

    Raises BackupError when the snapshot's data does not load back (a reference that does not resolve); the
    file is then not written.
    """
    path = Path(path)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        data = Path(work) / DATA_NAME
        with database_snapshot() as alias:
            call_command(
                "dumpdata", exclude=EXCLUDED, natural_foreign=True, output=str(data), verbosity=0, database=alias
            )
        objects = check_data(data, path)
        media_files = sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.is_dir() else []
        manifest = {
            "format": 1,
            "created": timezone.now().isoformat(),
            "objects": objects,
            "media_files": len(media_files),
        }
        (Path(work) / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2))
        partial = path.with_name(f".{path.name}.partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, OWNER_ONLY)
        os.fchmod(descriptor, OWNER_ONLY)  # when a stale partial file was already there with other rights
        try:
            with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
                archive.add(Path(work) / MANIFEST_NAME, arcname=MANIFEST_NAME)
                archive.add(data, arcname=DATA_NAME)
                # The folder goes in even when empty, so a restore recreates it.
                archive.add(media_root if media_root.is_dir() else work, arcname=MEDIA_NAME, recursive=False)
                for file in media_files:
                    archive.add(file, arcname=f"{MEDIA_NAME}/{file.relative_to(media_root).as_posix()}")
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    return manifest


def restore(path, command="restore_archive"):
    """Replace the database's contents and the media folder with the archive's; all or nothing for the data.

    Raises BackupError, before changing anything, when the file is missing, not a backup_archive file,
    truncated, or holds data that does not load (a reference that does not resolve).
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No backup at {path}.")
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        manifest = _unpack(path, Path(work))
        data = Path(work) / DATA_NAME
        check_data(data, path)
        # manage_manually: the loaded rows themselves are not each made a version (thousands of them).
        with transaction.atomic(), reversion.create_revision(manage_manually=True):
            call_command("flush", interactive=False, verbosity=0)
            # The flush recreates the content types under new numbers; loaddata finds them by natural key through
            # this process's cache, which would otherwise send the admin log and History of one model to another's.
            ContentType.objects.clear_cache()
            call_command("loaddata", str(data), verbosity=0)
            reversion.set_comment(f"Restored from the backup {path.name} by manage.py {command}.")
            # Each season (with the stages, changes and qualifiers its admin follows) gets this revision in its
            # History, so editors see when and from which file the archive was put back.
            Season = apps.get_model("tournaments", "Season")
            for season in Season.objects.all():
                reversion.add_to_revision(season)
        extracted_media = Path(work) / MEDIA_NAME
        media_root.mkdir(parents=True, exist_ok=True)
        for file in sorted(p for p in extracted_media.rglob("*") if p.is_file()):
            target = media_root / file.relative_to(extracted_media)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.read_bytes())
    bump_archive_version()
    return manifest


def _unpack(path, work):
    not_a_backup = f"{path} is not a backup_archive file"
    try:
        with tarfile.open(path, "r:gz") as archive:
            # The "data" filter refuses absolute paths, links out of the folder and device files: a backup file
            # is trusted, but not that much.
            archive.extractall(work, filter="data")
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise BackupError(f"{not_a_backup}, or it is cut short ({error}); nothing was changed.") from error
    try:
        manifest = json.loads((work / MANIFEST_NAME).read_text())
        if not (work / DATA_NAME).is_file() or not isinstance(manifest, dict) or manifest.get("format") != 1:
            raise ValueError("no data.json, or a manifest of another format")
    except (OSError, ValueError) as error:
        raise BackupError(f"{not_a_backup} ({error}); nothing was changed.") from error
    return manifest


def check_data(data, path):
    """Load the dumped data into a scratch in-memory database; return how many objects it holds.

    Loading resolves every reference (loaddata checks the foreign keys before it finishes), so a dump taken
    while rows were half-written, or a damaged file, is refused here. Raises BackupError.
    """
    try:
        objects = json.loads(Path(data).read_text())
        if not isinstance(objects, list):
            raise ValueError("data.json is not a list of objects")
        with scratch_database() as alias:
            call_command("loaddata", str(data), database=alias, verbosity=0)
    except (ValueError, DeserializationError, DatabaseError, LookupError) as error:
        raise BackupError(f"The data in {path} does not load back: {error}. Nothing was written or changed.") from error
    return len(objects)


@contextmanager
def database_snapshot():
    """A database alias that reads one consistent state of the default database while others keep writing."""
    default = connections["default"]
    if default.vendor == "sqlite":
        with tempfile.TemporaryDirectory() as work:
            copy = Path(work) / "snapshot.sqlite3"
            default.ensure_connection()
            target = sqlite3.connect(copy)
            try:
                # One step (pages=-1): SQLite copies every page under one read lock, a single committed state.
                default.connection.backup(target, pages=-1)
            finally:
                target.close()
            with _extra_database(SNAPSHOT_ALIAS, {**default.settings_dict, "NAME": str(copy), "OPTIONS": {}}):
                yield SNAPSHOT_ALIAS
    else:
        # PostgreSQL: every table read in one REPEATABLE READ transaction, which sees one committed state. The
        # level can only be set as a transaction starts: inside a caller's own transaction (a test's) it is theirs.
        outer = default.in_atomic_block
        with transaction.atomic(using="default"):
            if not outer:
                with default.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield "default"


@contextmanager
def scratch_database():
    """An empty in-memory SQLite database with every model's table and the content types and permissions that
    `migrate` would create (the dump refers to them by natural key)."""
    config = {
        **connections["default"].settings_dict,
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": ":memory:",
        "OPTIONS": {},
        "USER": "",
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
    }
    with _extra_database(SCRATCH_ALIAS, config):
        connection = connections[SCRATCH_ALIAS]
        with connection.schema_editor() as editor:
            for model in apps.get_models():
                if model._meta.managed and not model._meta.proxy:
                    editor.create_model(model)
        for app_config in apps.get_app_configs():
            create_contenttypes(app_config, verbosity=0, using=SCRATCH_ALIAS)
            create_permissions(app_config, verbosity=0, using=SCRATCH_ALIAS)
        try:
            yield SCRATCH_ALIAS
        finally:
            # The content type cache is per database alias; the next scratch database is a new one.
            ContentType.objects.clear_cache()


@contextmanager
def _extra_database(alias, config):
    """A connection under `alias` for this thread only, closed and forgotten afterwards.

    Held beside the configured databases rather than added to DATABASES: no other code (nor the test runner's
    database isolation) should ever see it.
    """
    wrapper = load_backend(config["ENGINE"]).DatabaseWrapper(config, alias)
    setattr(connections._connections, alias, wrapper)
    try:
        yield
    finally:
        wrapper.close()
        delattr(connections._connections, alias)

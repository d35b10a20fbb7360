"""Backing up and restoring the whole site: every app's data (users included) and the media folder, in one file.

The archive is a .tar.gz holding `data.json` (Django's dumpdata, with natural foreign keys so users keep their
permissions and the admin's history keeps its content types across databases) and `media/` (MEDIA_ROOT as it was).
Primary keys are kept: the public pages' anchors (#match-41, #tie-7) are built from them and must survive a
restore. Left out, because `migrate` recreates them or they are worthless on another machine: content types,
permissions, sessions and axes' transient lockouts.
"""

import json
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from ..caching import bump_archive_version

EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes.accessattempt"]
DATA_NAME = "data.json"
MEDIA_NAME = "media"
MANIFEST_NAME = "manifest.json"


def backup(path):
    """Write the archive to `path` and return its manifest (object and media file counts)."""
    path = Path(path)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        data = Path(work) / DATA_NAME
        call_command("dumpdata", exclude=EXCLUDED, natural_foreign=True, output=str(data), verbosity=0)
        media_files = sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.is_dir() else []
        manifest = {
            "format": 1,
            "created": timezone.now().isoformat(),
            "objects": len(json.loads(data.read_text())),
            "media_files": len(media_files),
        }
        (Path(work) / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2))
        with tarfile.open(path, "w:gz") as archive:
            archive.add(Path(work) / MANIFEST_NAME, arcname=MANIFEST_NAME)
            archive.add(data, arcname=DATA_NAME)
            # The folder goes in even when empty, so a restore recreates it.
            archive.add(media_root if media_root.is_dir() else work, arcname=MEDIA_NAME, recursive=False)
            for file in media_files:
                archive.add(file, arcname=f"{MEDIA_NAME}/{file.relative_to(media_root).as_posix()}")
    return manifest


def restore(path):
    """Replace the database's contents and the media folder with the archive's; all or nothing for the data."""
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work, tarfile.open(path, "r:gz") as archive:
        # The "data" filter refuses absolute paths, links out of the folder and device files: a backup file
        # is trusted, but not that much.
        archive.extractall(work, filter="data")
        manifest = json.loads((Path(work) / MANIFEST_NAME).read_text())
        with transaction.atomic():
            call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(Path(work) / DATA_NAME), verbosity=0)
        extracted_media = Path(work) / MEDIA_NAME
        media_root.mkdir(parents=True, exist_ok=True)
        for file in sorted(p for p in extracted_media.rglob("*") if p.is_file()):
            target = media_root / file.relative_to(extracted_media)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.read_bytes())
    bump_archive_version()
    return manifest

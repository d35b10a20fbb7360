"""Files the site creates that hold secrets (the SQLite database keeps password hashes): owner-only from the start."""

import os
from pathlib import Path

OWNER_ONLY_FILE = 0o600
OWNER_ONLY_FOLDER = 0o700


def owner_only_sqlite_file(name):
    """Create the SQLite database file (and its folder) readable by the owner only, before SQLite creates it.

    SQLite makes a new database file with the process's umask (usually 0644, readable by every local user) and
    gives its -wal and -shm files the database file's own permissions, so creating the file first with 0600
    covers all three. An existing file that others can read is narrowed to 0600 when it is ours to change.
    """
    if name in ("", ":memory:") or str(name).startswith("file:"):
        return
    path = Path(name)
    if not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_FOLDER)
    descriptor = os.open(path, os.O_RDONLY | os.O_CREAT, OWNER_ONLY_FILE)
    try:
        status = os.fstat(descriptor)
        if status.st_mode & 0o077 and status.st_uid == os.getuid():
            os.fchmod(descriptor, OWNER_ONLY_FILE)
    finally:
        os.close(descriptor)

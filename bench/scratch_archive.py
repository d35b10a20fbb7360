"""The shipped seasons in a throwaway SQLite database, for benchmarks that measure in a child process."""

import os
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def shipped_archive_env():
    """Yields the environment (a dict for subprocess) of a scratch database, migrated and holding the shipped
    seasons, with a local-memory cache and DEBUG off; the database is deleted on exit."""
    with tempfile.TemporaryDirectory() as work:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{Path(work) / 'bench.sqlite3'}",
            "CACHE_URL": "locmem://",
            "DJANGO_SETTINGS_MODULE": "copaperu_site.settings",
            "DJANGO_DEBUG": "0",
        }
        for command in (["migrate", "--no-input", "-v0"], ["load_shipped_seasons"]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
        yield env

"""backup_archive while an editor writes: the file is one consistent snapshot, and restores with every page intact.

Run as the site runs, in separate processes on a real SQLite file (WAL, several connections), not inside the test
database: the writer is a second thread with its own connection, committing a club and its qualification together
as fast as it can while the backup runs.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(database, *arguments, code=None):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "CACHE_URL": "dummy://", "DJANGO_DEBUG": "0"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [sys.executable, "manage.py", *arguments]
    if code is not None:
        command += ["shell", "-c", f"from tournaments.tests import backup_race; {code}"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def last_json(output):
    return json.loads(output.strip().splitlines()[-1])


@pytest.mark.skipif(os.environ.get("DATABASE_URL", "sqlite").startswith("postgres"), reason="runs on SQLite files")
def test_a_backup_taken_while_an_editor_writes_restores_a_consistent_archive(tmp_path):
    source, fresh, archive = tmp_path / "source.sqlite3", tmp_path / "fresh.sqlite3", tmp_path / "backup.tar.gz"
    manage(source, "migrate", "--no-input", "-v0")
    manage(source, "load_shipped_seasons")

    written = last_json(manage(source, code=f"backup_race.race({str(archive)!r})"))["written"]

    manage(fresh, "migrate", "--no-input", "-v0")
    manage(fresh, "restore_archive", str(archive), "--no-input")
    kept = last_json(manage(fresh, code="backup_race.racers()"))["racers"]
    # The backup ran in the middle of the writing, not before or after it.
    assert 0 < kept < written, (kept, written)

    manage(source, code=f"backup_race.rewind({kept})")
    restored_pages = last_json(manage(fresh, code="backup_race.pages()"))
    source_pages = last_json(manage(source, code="backup_race.pages()"))
    assert len(restored_pages) > 100
    assert restored_pages == source_pages
    assert (archive.stat().st_mode & 0o777) == 0o600

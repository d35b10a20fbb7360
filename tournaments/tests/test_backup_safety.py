"""Backups and the database are the owner's only; a bad backup is refused in words; restores show in History."""

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from reversion.models import Version

from tournaments.models import Match, Season
from tournaments.services.backups import DATA_NAME

ROOT = Path(__file__).resolve().parents[2]

# As in test_backups.py: a restore runs in its own transaction; serialized_rollback brings back the departments.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("shipped_seasons"),
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "site.tar.gz"
    call_command("backup_archive", str(path), verbosity=0)
    return path


def rows():
    return Season.objects.count(), Match.objects.count(), list(Match.objects.order_by("pk").values_list("home_score"))


def test_a_backup_file_is_readable_by_its_owner_only_whatever_the_umask(tmp_path):
    previous = os.umask(0o022)
    try:
        call_command("backup_archive", str(tmp_path / "site.tar.gz"), verbosity=0)
    finally:
        os.umask(previous)
    assert (tmp_path / "site.tar.gz").stat().st_mode & 0o777 == 0o600
    assert [path.name for path in tmp_path.iterdir() if path.is_file()] == ["site.tar.gz"]


def test_a_truncated_backup_is_refused_with_a_sentence_and_nothing_changes(tmp_path, archive):
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    before = rows()
    with pytest.raises(CommandError, match=r"is not a backup_archive file, or it is cut short .*nothing was changed"):
        call_command("restore_archive", str(cut), interactive=False)
    assert rows() == before


def rewritten(archive, target, change):
    """A copy of the archive with data.json passed through change(objects)."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as copy:
        for member in source.getmembers():
            content = source.extractfile(member).read() if member.isfile() else None
            if member.name == DATA_NAME:
                content = json.dumps(change(json.loads(content))).encode()
                member.size = len(content)
            copy.addfile(member, io.BytesIO(content) if content is not None else None)
    return target


def without_team(name):
    return lambda objects: [
        obj for obj in objects if not (obj["model"] == "tournaments.team" and obj["fields"]["name"] == name)
    ]


def test_a_backup_whose_qualifier_has_lost_its_team_is_refused_and_nothing_changes(tmp_path, archive):
    broken = rewritten(archive, tmp_path / "broken.tar.gz", without_team("Sport Huancayo"))
    before = rows()
    with pytest.raises(CommandError) as raised:
        call_command("restore_archive", str(broken), interactive=False)
    message = str(raised.value)
    assert message.startswith(f"The data in {broken} does not load back:")
    assert "team_id" in message and "Nothing was written or changed." in message
    assert rows() == before


def test_the_check_before_reporting_a_backup_finds_a_reference_that_does_not_resolve(tmp_path, archive):
    from tournaments.services.backups import BackupError, check_data

    with tarfile.open(archive, "r:gz") as source:
        objects = json.loads(source.extractfile(DATA_NAME).read())
    qualifier = next(obj for obj in objects if obj["model"] == "tournaments.qualifier")
    qualifier["fields"]["department"] = ["no-such-department"]
    data = tmp_path / DATA_NAME
    data.write_text(json.dumps(objects))
    with pytest.raises(BackupError, match="does not load back"):
        check_data(data, "site.tar.gz")


def test_a_restore_is_a_revision_in_each_seasons_history_naming_the_command_and_file(client, archive):
    call_command("restore_archive", str(archive), interactive=False, verbosity=0)
    season = Season.objects.get(year=2008)
    version = Version.objects.get_for_object(season).first()
    assert version.revision.comment == "Restored from the backup site.tar.gz by manage.py restore_archive."
    assert version.revision.user is None
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("chief", password="a long chief password"))
    history = client.get(f"/admin/tournaments/season/{season.pk}/history/").content.decode()
    assert "Restored from the backup site.tar.gz by manage.py restore_archive." in history


def test_the_sqlite_database_is_created_readable_by_its_owner_only(tmp_path):
    database = tmp_path / "fresh" / "site.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "CACHE_URL": "dummy://"}
    script = "import os; os.umask(0o022); from django.core.management import execute_from_command_line as run; "
    script += "import sys; run(['manage.py', 'migrate', '--no-input', '-v0'])"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'copaperu_site.settings'); {script}",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for path in database.parent.iterdir():
        assert path.stat().st_mode & 0o777 == 0o600, path
    assert database.parent.stat().st_mode & 0o777 == 0o700

"""A backup restores everything: the seasons, users with their passwords and rights, and the media files."""

import json

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import CommandError, call_command

from tournaments.models import Match, Note, Season

# A restore runs in its own transaction, as it does in production; PostgreSQL cannot TRUNCATE tables that the
# test's own open transaction has just written to. serialized_rollback brings back the departments afterwards.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("shipped_seasons"),
]


RESTORE_COMMENT = "Restored from the backup"


def snapshot():
    """Every row the backup promises to keep, as comparable JSON."""
    from django.apps import apps

    rows = []
    for model in apps.get_models():
        if model._meta.label_lower in ("contenttypes.contenttype", "auth.permission", "sessions.session"):
            continue
        if model._meta.label_lower == "axes.accessattempt":
            continue
        queryset = model.objects.order_by("pk")
        # A restore adds one revision of its own (the History entry saying which file was restored): not part of
        # what the backup kept.
        if model._meta.label_lower == "reversion.revision":
            queryset = queryset.exclude(comment__startswith=RESTORE_COMMENT)
        if model._meta.label_lower == "reversion.version":
            queryset = queryset.exclude(revision__comment__startswith=RESTORE_COMMENT)
        rows.append(serializers.serialize("json", queryset, use_natural_foreign_keys=True, sort_keys=True))
    return [json.loads(part) for part in rows]


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "crests").mkdir(parents=True)
    return settings.MEDIA_ROOT


def test_backup_then_restore_on_an_empty_database_loses_nothing(tmp_path, media_root):
    editors, _ = Group.objects.get_or_create(name="Backup testers")
    editors.permissions.add(Permission.objects.get(codename="change_match"))
    editor = User.objects.create_user("editor", "editor@example.org", "an editor's long password", is_staff=True)
    editor.groups.add(editors)
    editor.user_permissions.add(Permission.objects.get(codename="add_note"))
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Season),
        object_id=str(Season.objects.get(year=2008).pk),
        object_repr="Copa Perú 2008",
        action_flag=CHANGE,
        change_message="Corrected the final's score.",
    )
    crest = media_root / "crests" / "sport-huancayo.png"
    crest.write_bytes(b"\x89PNG\r\n\x1a\n fake crest bytes")
    before = snapshot()

    call_command("backup_archive", str(tmp_path / "site.tar.gz"), verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    crest.unlink()
    assert not Season.objects.exists() and not User.objects.exists()

    call_command("restore_archive", str(tmp_path / "site.tar.gz"), interactive=False, verbosity=0)

    assert snapshot() == before
    assert crest.read_bytes() == b"\x89PNG\r\n\x1a\n fake crest bytes"
    restored = User.objects.get(username="editor")
    assert restored.check_password("an editor's long password")
    assert restored.has_perm("tournaments.change_match") and restored.has_perm("tournaments.add_note")
    assert LogEntry.objects.get().get_edited_object() == Season.objects.get(year=2008)


def test_restored_pages_read_as_before(client, tmp_path, media_root):
    before = client.get("/seasons/1998/").content
    call_command("backup_archive", str(tmp_path / "site.tar.gz"), verbosity=0)
    Note.objects.all().delete()
    Match.objects.all().delete()
    call_command("restore_archive", str(tmp_path / "site.tar.gz"), interactive=False, verbosity=0)
    assert client.get("/seasons/1998/").content == before


def test_restoring_a_file_that_is_not_a_backup_changes_nothing(tmp_path, media_root):
    junk = tmp_path / "junk.tar.gz"
    junk.write_text("not a backup")
    with pytest.raises(CommandError, match="not a backup_archive file"):
        call_command("restore_archive", str(junk), interactive=False)
    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore_archive", str(tmp_path / "missing.tar.gz"), interactive=False)
    assert Season.objects.count() == 59  # the shipped seasons, 1967-2025

"""What a tester's hostile input did to the editors' admin and commands, and what it does now: a sentence, never a
500, a traceback or a stored row nobody meant."""

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import reversion
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from reversion.models import Version

from tournaments.models import Group, Match, Season, Team

from .factories import create_match
from .test_admin_results_grid import grid_data, grid_url

REPO = Path(__file__).resolve().parents[2]


def final_group():
    return Group.objects.get(season__year=2008, name="Final group stage")


# 5. The results grid edits the matches it shows: no new rows, no huge forms, no rows of another group.


@pytest.mark.usefixtures("shipped_seasons")
def test_a_row_added_to_the_grid_is_refused_and_nothing_is_stored(editor_client):
    group = final_group()
    data, rows = grid_data(editor_client.get(grid_url(group)))
    shown = len(rows)
    extra = f"form-{shown}"
    data.update({"form-TOTAL_FORMS": shown + 1, f"{extra}-home_score": 2, f"{extra}-away_score": 1})
    data.update({f"{extra}-date": "2008-12-14", f"{extra}-status": "played", f"{extra}-seen_version": ""})
    before = Match.objects.count()
    response = editor_client.post(grid_url(group), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert f"Please submit at most {shown} forms." in body
    assert "nothing was saved" in body
    assert Match.objects.count() == before


@pytest.mark.usefixtures("shipped_seasons")
def test_a_huge_form_count_builds_no_more_rows_than_the_grid_shows(editor_client):
    group = final_group()
    data, rows = grid_data(editor_client.get(grid_url(group)))
    data["form-TOTAL_FORMS"] = 100000
    response = editor_client.post(grid_url(group), data)
    assert response.status_code == 200
    assert len(response.context["formset"].forms) == len(rows)
    assert f"Please submit at most {len(rows)} forms." in response.content.decode()
    assert len(response.content) < 200_000


@pytest.mark.usefixtures("shipped_seasons")
@pytest.mark.parametrize("forged", ["another group's match", "no such match"])
def test_a_row_naming_a_match_not_shown_is_refused_with_a_sentence(editor_client, forged):
    group = final_group()
    data, rows = grid_data(editor_client.get(grid_url(group)))
    elsewhere = Match.objects.filter(season__year=2008).exclude(group=group).first()
    first = next(iter(rows.values()))
    data[f"{first}-id"] = elsewhere.pk if forged == "another group's match" else 999999
    data[f"{first}-home_score"] = 7
    response = editor_client.post(grid_url(group), data)
    assert response.status_code == 200
    body = response.content.decode().replace("&#x27;", "'")
    assert "This row is not one of the matches shown here: reload the page and type it again." in body
    assert Match.objects.filter(home_score=7).count() == 0
    elsewhere.refresh_from_db()
    assert elsewhere.home_score != 7


# 8. Undoing an import that removed rows.


@pytest.fixture
def emptied_2008(shipped_seasons, tmp_path):
    """2008 after confirming a one-line article with removals allowed: every stage of the season removed."""
    article = tmp_path / "2008.txt"
    article.write_text("= 2008 Copa Perú =\n", encoding="utf-8")
    call_command("import_season", str(article), allow_removals=True, verbosity=0)
    return Season.objects.get(year=2008)


def test_reverting_a_season_to_before_the_import_brings_it_back_whole(editor_client, admin_form_data, emptied_2008):
    season = emptied_2008
    versions = Version.objects.get_for_object(season).order_by("pk")
    before = next(v for v in versions if v.revision.get_comment().startswith("As it was before the import"))
    url = f"/admin/tournaments/season/{season.pk}/history/{before.pk}/"
    preview = editor_client.get(url)
    assert preview.status_code == 200
    response = editor_client.post(url, admin_form_data(preview), follow=True)
    assert response.status_code == 200
    restored = Season.objects.get(pk=season.pk)
    assert restored.regions.count() == 8
    assert restored.champion is not None and restored.summary.startswith("The 2008 Copa Perú season")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_version_the_database_refuses_is_said_on_the_page_not_a_500(admin_form_data, season, group, teams):
    """A season's version holds a match of a team deleted since (as an import that removed rows deletes them): the
    database refuses the restored match when the revert commits, and the editor reads why on the History page."""
    alpha, bravo = teams[:2]
    match = create_match(group, alpha, bravo, 2, 1)
    with reversion.create_revision():
        reversion.set_comment("As it was before the import of 2031.txt.")
        for row in (season, group.region, group, match):
            reversion.add_to_revision(row)
    old = Version.objects.get_for_object(season).get()
    match.delete()
    alpha.delete()
    editor = User.objects.create_user("editora", password="x", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(editor)
    url = f"/admin/tournaments/season/{season.pk}/history/{old.pk}/"
    response = client.post(url, admin_form_data(client.get(url)), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"/admin/tournaments/season/{season.pk}/history/"
    body = response.content.decode().replace("&#x27;", "'")
    assert "This version could not be restored, because it no longer fits the rest of the archive" in body
    assert not Match.objects.exists() and Team.objects.filter(name="Alpha").count() == 0


# 12a. create_editor holds the username and e-mail address to Django's own validators.


@pytest.mark.parametrize(
    "arguments, reason",
    [
        (["bad name<>"], "Enter a valid username."),
        (["lucia", "--email", "notanemail"], "Enter a valid email address."),
    ],
)
def test_create_editor_refuses_a_bad_username_or_email_from_a_script(db, monkeypatch, arguments, reason):
    monkeypatch.setenv("NEW_EDITOR_PASSWORD", "goles-de-oro-2008")
    with pytest.raises(CommandError) as refused:
        call_command("create_editor", *arguments, "--password-from-env", "NEW_EDITOR_PASSWORD")
    assert reason in str(refused.value) and str(refused.value).endswith("No account was created.")
    assert not User.objects.exists()


def test_create_editor_asks_again_for_a_bad_username_and_email_at_the_prompt(db, monkeypatch, capsys):
    answers = iter(["lucia", "lucia@example.org"])
    prompts = []

    def typed(prompt):
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("builtins.input", typed)
    monkeypatch.setattr("getpass.getpass", lambda prompt: "goles-de-oro-2008")
    call_command("create_editor", "bad name<>", "--email", "notanemail")
    assert prompts == ["Username: ", "E-mail address: "]
    err = capsys.readouterr().err
    assert "The username 'bad name<>' was refused: Enter a valid username." in err
    assert "The e-mail address 'notanemail' was refused: Enter a valid email address." in err
    assert User.objects.get().email == "lucia@example.org"


# 12b. restore_archive: the file is checked first, and closed input means "no".


def test_restore_archive_says_a_missing_file_before_asking(db, tmp_path, monkeypatch):
    def asked(prompt):
        raise AssertionError("asked to confirm a restore from a file that does not exist")

    monkeypatch.setattr("builtins.input", asked)
    with pytest.raises(CommandError, match="No backup at .*missing.tar.gz"):
        call_command("restore_archive", str(tmp_path / "missing.tar.gz"))


def test_restore_archive_with_closed_input_cancels_with_a_sentence(tmp_path):
    # Run as a script from cron would: stdin closed. The question comes before the file is read, so any file does.
    archive = tmp_path / "site.tar.gz"
    archive.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "manage.py", "restore_archive", str(archive)],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'other.sqlite3'}"},
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "EOFError" not in result.stderr
    assert "No answer could be read, so the restore was cancelled and nothing was changed" in result.stderr


# 12c. scripts/serve prints the address it binds.


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_prints_the_address_it_binds(tmp_path):
    bind = f"127.0.0.1:{free_port()}"
    env = {
        **os.environ,
        "GUNICORN_BIND": bind,
        "WEB_CONCURRENCY": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "CACHE_URL": "locmem://",
    }
    server = subprocess.Popen(
        [str(REPO / "scripts" / "serve")],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        for line in server.stdout:
            if line.startswith("Serving"):
                break
        else:
            pytest.fail("scripts/serve stopped before saying where it serves")
        assert line.strip() == f"Serving the Copa Perú archive on http://{bind}/ (Ctrl-C to stop)"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

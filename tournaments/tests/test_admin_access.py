"""Who may do what in /admin/: the Editors group, the create_editor command, and anonymous visitors."""

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from tournaments.models import Season

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_log_in(client):
    for url in ("/admin/", "/admin/tournaments/match/", "/admin/tournaments/season/add/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_an_editor_sees_the_archive_but_not_the_accounts(editor_client):
    body = editor_client.get("/admin/").content.decode()
    for section in ("Seasons", "Matches", "Departmental qualifiers", "Notes and rulings", "Points adjustments"):
        assert section in body
    assert "Users" not in body
    assert editor_client.get("/admin/auth/user/").status_code == 403


def test_an_editor_cannot_delete_a_season(editor_client, shipped_seasons):
    season = Season.objects.get(year=2008)
    assert editor_client.get(f"/admin/tournaments/season/{season.pk}/delete/").status_code == 403
    assert editor_client.post(f"/admin/tournaments/season/{season.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Season.objects.filter(year=2008).exists()
    change_page = editor_client.get(f"/admin/tournaments/season/{season.pk}/change/").content.decode()
    assert f"/admin/tournaments/season/{season.pk}/delete/" not in change_page, "no Delete button"


def test_an_editor_can_delete_a_match_but_not_a_department(editor, shipped_seasons):
    assert editor.has_perm("tournaments.delete_match")
    assert editor.has_perm("tournaments.add_season") and editor.has_perm("tournaments.change_season")
    assert not editor.has_perm("tournaments.delete_department")
    assert not editor.has_perm("auth.add_user")


def test_create_editor_reads_the_password_from_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("NEW_EDITOR_PASSWORD", "goles-de-oro-2008")
    call_command("create_editor", "lucia", "--email", "lucia@example.org", "--password-from-env", "NEW_EDITOR_PASSWORD")
    user = User.objects.get(username="lucia")
    assert user.is_staff and not user.is_superuser
    assert user.email == "lucia@example.org"
    assert user.check_password("goles-de-oro-2008")
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]
    assert "Editor 'lucia' created" in capsys.readouterr().out


def test_create_editor_prompts_twice_and_refuses_a_mismatch(monkeypatch):
    answers = iter(["goles-de-oro-2008", "goles-de-oro-2009"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    with pytest.raises(CommandError, match="The two passwords differ."):
        call_command("create_editor", "lucia")
    assert not User.objects.filter(username="lucia").exists()


def test_create_editor_refuses_a_weak_password_or_a_taken_name(monkeypatch, editor):
    monkeypatch.setenv("WEAK", "123")
    with pytest.raises(CommandError, match="too short"):
        call_command("create_editor", "lucia", "--password-from-env", "WEAK")
    monkeypatch.setenv("GOOD", "goles-de-oro-2008")
    with pytest.raises(CommandError, match="already an account called 'editora'"):
        call_command("create_editor", "editora", "--password-from-env", "GOOD")


def test_an_editor_created_by_the_command_can_log_in(client, monkeypatch):
    monkeypatch.setenv("PW", "goles-de-oro-2008")
    call_command("create_editor", "lucia", "--password-from-env", "PW")
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "lucia", "password": "goles-de-oro-2008", "next": "/admin/"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert "Seasons" in client.get("/admin/").content.decode()

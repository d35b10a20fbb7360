"""`manage.py create_editor` asks again for a refused password at the prompt, and a script gets a sentence."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError


def answering(monkeypatch, *answers):
    """Type these answers at the getpass prompts, in order; records the prompts shown."""
    remaining, prompts = iter(answers), []

    def getpass(prompt):
        prompts.append(prompt)
        return next(remaining)

    monkeypatch.setattr("getpass.getpass", getpass)
    return prompts


def test_a_short_password_at_the_prompt_is_asked_again(db, monkeypatch, capsys):
    prompts = answering(monkeypatch, "abc", "abc", "goles-de-oro-2008", "goles-de-oro-2008")
    call_command("create_editor", "lucia")
    assert prompts == ["Password: ", "Password (again): "] * 2
    err = capsys.readouterr().err
    assert "This password is too short." in err and "Please choose another password." in err
    assert User.objects.get(username="lucia").check_password("goles-de-oro-2008")


def test_giving_up_at_the_prompt_creates_nothing(db, monkeypatch):
    def interrupted(prompt):
        raise KeyboardInterrupt

    monkeypatch.setattr("getpass.getpass", interrupted)
    with pytest.raises(CommandError, match="Cancelled: no account was created."):
        call_command("create_editor", "lucia")
    assert not User.objects.filter(username="lucia").exists()


def test_a_short_password_from_the_environment_is_refused_with_a_sentence(db, monkeypatch):
    monkeypatch.setenv("NEW_EDITOR_PASSWORD", "abc")
    with pytest.raises(CommandError) as refused:
        call_command("create_editor", "lucia", "--password-from-env", "NEW_EDITOR_PASSWORD")
    assert str(refused.value).startswith("The password in NEW_EDITOR_PASSWORD was refused: This password is too short.")
    assert str(refused.value).endswith("No account was created.")
    assert not User.objects.filter(username="lucia").exists()

"""Login guessing spread over many addresses: 20 wrong passwords for one account within an hour lock the account."""

from datetime import timedelta

import pytest
from axes.models import AccessFailureLog
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone

PASSWORD = "the right editor password"
NEWSROOM = "198.51.100.20"
ATTACKERS = [f"203.0.113.{number}" for number in range(1, 11)]


@pytest.fixture(autouse=True)
def _behind_one_proxy(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TRUSTED_PROXY_COUNT = 1


@pytest.fixture
def editor(db):
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


def log_in(client, password, address):
    # nginx appends the address it saw to X-Forwarded-For; the client typed the rest.
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": password, "next": "/admin/"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=f"10.9.9.9, {address}",
    )


def spread_guesses(client, count=40):
    """`count` wrong passwords, four from each of ten addresses in turn: never five from one address."""
    responses = []
    for attempt in range(count):
        responses.append(log_in(client, f"guess {attempt}", ATTACKERS[attempt % len(ATTACKERS)]))
    return responses


def test_forty_guesses_from_ten_addresses_lock_the_account_at_the_twentieth(client, editor):
    statuses = [response.status_code for response in spread_guesses(client)]
    assert statuses[:19] == [200] * 19
    assert set(statuses[19:]) == {429}
    # Only the 20 guesses before the lock were checked (and logged); the rest were refused unread.
    assert AccessFailureLog.objects.filter(username="editor").count() == 20


def test_the_locked_account_refuses_even_its_owner_and_says_how_to_get_back_in(client, editor):
    spread_guesses(client, 20)
    refused = log_in(client, PASSWORD, NEWSROOM)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    page = refused.content.decode()
    assert "wrong 20 times in the last 60 minutes, from several addresses" in page
    assert "manage.py axes_reset_username editor" in page
    assert "manage.py changepassword editor" in page


def test_nineteen_spread_guesses_still_let_the_owner_in(client, editor):
    spread_guesses(client, 19)
    assert log_in(client, PASSWORD, NEWSROOM).status_code == 302


def test_axes_reset_username_lifts_the_account_lock(client, editor):
    spread_guesses(client, 20)
    call_command("axes_reset_username", "editor", verbosity=0)
    assert log_in(client, PASSWORD, NEWSROOM).status_code == 302


def test_a_new_password_set_by_an_administrator_lifts_the_account_lock(client, editor):
    spread_guesses(client, 20)
    chief = User.objects.create_superuser("chief", password="the chief's own password")
    admin_client = type(client)()
    admin_client.force_login(chief)
    form = admin_client.get(f"/admin/auth/user/{editor.pk}/password/").content.decode()
    assert "A new password also lifts a lock on the account after too many failed logins." in form
    response = admin_client.post(
        f"/admin/auth/user/{editor.pk}/password/",
        {"password1": "a brand new editor password", "password2": "a brand new editor password"},
    )
    assert response.status_code == 302
    assert log_in(client, "a brand new editor password", NEWSROOM).status_code == 302


def test_the_lock_ends_when_the_guesses_are_an_hour_old(client, editor):
    spread_guesses(client, 20)
    AccessFailureLog.objects.update(attempt_time=timezone.now() - timedelta(minutes=61))
    assert log_in(client, PASSWORD, NEWSROOM).status_code == 302


def test_other_accounts_are_not_locked(client, editor):
    User.objects.create_user("colleague", password="the colleague's password", is_staff=True)
    spread_guesses(client, 20)
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "colleague", "password": "the colleague's password", "next": "/admin/"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=NEWSROOM,
    )
    assert response.status_code == 302

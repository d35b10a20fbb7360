"""Admin login throttling: five wrong passwords lock that account from that address for a cool-off period."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone

PASSWORD = "the right editor password"
ATTACKER = "203.0.113.9"
NEWSROOM = "198.51.100.20"


@pytest.fixture
def editor(db):
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


def log_in(client, password, address=ATTACKER):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def fail_five_times(client):
    for attempt in range(5):
        response = log_in(client, f"wrong guess {attempt}")
    return response


def test_four_failures_still_let_the_right_password_in(client, editor):
    for attempt in range(4):
        assert log_in(client, f"wrong guess {attempt}").status_code == 200
    assert log_in(client, PASSWORD).status_code == 302


def test_after_five_failures_even_the_right_password_is_refused(client, editor):
    fifth = fail_five_times(client)
    assert fifth.status_code == 429
    locked = log_in(client, PASSWORD)
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Too many failed logins" in page
    assert "refused for 15 minutes" in page
    assert "_auth_user_id" not in client.session


def test_the_lock_ends_after_the_cool_off_even_if_the_attacker_kept_trying(client, editor):
    fail_five_times(client)
    for attempt in range(10):
        log_in(client, f"more guesses {attempt}")
    # Sixteen minutes later (the attempts' clock moved back instead of waiting).
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert log_in(client, PASSWORD).status_code == 302


def test_an_attacker_cannot_lock_the_editor_out_from_elsewhere(client, editor):
    fail_five_times(client)
    assert log_in(client, PASSWORD, address=NEWSROOM).status_code == 302


def test_an_admin_can_lift_the_lock_at_once(client, editor):
    fail_five_times(client)
    call_command("axes_reset_username", "editor", verbosity=0)
    assert log_in(client, PASSWORD).status_code == 302


def test_a_superuser_sees_the_lockout_in_the_admin(client, editor):
    fail_five_times(client)
    chief = User.objects.create_superuser("chief", password="the chief's own password")
    client.force_login(chief)
    listing = client.get("/admin/axes/accessattempt/").content.decode()
    assert "editor" in listing and ATTACKER in listing


def test_every_attempt_is_logged_with_its_address(client, editor, caplog):
    caplog.set_level("INFO", logger="axes")
    log_in(client, "wrong guess")
    log_in(client, PASSWORD, address=NEWSROOM)
    failure = AccessFailureLog.objects.get()
    assert (failure.username, failure.ip_address) == ("editor", ATTACKER)
    success = AccessLog.objects.get()
    assert (success.username, success.ip_address) == ("editor", NEWSROOM)
    # The log keeps the events; names and addresses are masked there and kept in the admin's tables.
    assert "login failed" in caplog.text and "Successful login" in caplog.text


def test_behind_one_proxy_the_address_nginx_saw_counts_not_one_the_client_typed(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(5):
        # The attacker forges a fresh left-most X-Forwarded-For each time; nginx appends the real one.
        client.post(
            "/admin/login/",
            {"username": "editor", "password": f"guess {attempt}"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{attempt}, {ATTACKER}",
        )
    assert AccessAttempt.objects.get().ip_address == ATTACKER
    assert AccessAttempt.objects.get().failures_since_start == 5


def test_logins_without_a_request_are_not_throttled_but_still_check_the_password(editor):
    # The test client's login(), the shell and management commands authenticate without a request.
    from django.contrib.auth import authenticate

    assert authenticate(username="editor", password=PASSWORD) == editor
    assert authenticate(username="editor", password="wrong") is None

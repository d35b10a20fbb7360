"""A per-account login limit beside django-axes' per-address one.

Axes locks an account *from one address* after AXES_FAILURE_LIMIT wrong passwords (5): an editor is never locked
out by someone else's guessing. But guesses spread over many addresses (40 from 10 addresses behind a proxy) never
reach that limit. Axes compares every lockout parameter with the same single limit and cool-off, so it cannot say
"5 per address and 20 per account" (django-axes 8.3, handlers/database.py: get_failures takes the maximum over the
parameter sets, compared with one AXES_FAILURE_LIMIT). This handler adds the second limit:

- LOGIN_ACCOUNT_FAILURE_LIMIT wrong passwords for one account within LOGIN_ACCOUNT_FAILURE_WINDOW, from any
  addresses, lock the account everywhere (counted from axes' own failure log, which keeps every failure);
- the lock lasts until the window has moved past those failures, or until an administrator lifts it with
  `manage.py axes_reset_username NAME` or sets a new password for the account (the admin's user page, or
  `manage.py changepassword NAME`): both forget the account's recent failures. (Deleting access attempts in the
  admin does not: axes deletes those itself as they expire.)
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessFailureLog
from axes.signals import user_locked_out
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _


def recent_failures(username):
    """Wrong passwords for this account, from every address, within the account window."""
    since = timezone.now() - settings.LOGIN_ACCOUNT_FAILURE_WINDOW
    return AccessFailureLog.objects.filter(username=username, attempt_time__gte=since)


def account_locked(username):
    """True when the account has reached its limit of wrong passwords across all addresses."""
    return bool(username) and recent_failures(username).count() >= settings.LOGIN_ACCOUNT_FAILURE_LIMIT


def lift_account_lock(username):
    """Forget the account's recent failures, so it can log in again (the older failure log stays)."""
    return recent_failures(username).delete()[0]


class AccountLimitHandler(AxesDatabaseHandler):
    """Axes' database handler, plus the per-account limit (see the module docstring)."""

    def is_locked(self, request, credentials=None):
        return super().is_locked(request, credentials) or account_locked(get_client_username(request, credentials))

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is None or getattr(request, "axes_locked_out", False):
            return
        username = get_client_username(request, credentials)
        if account_locked(username):
            # As axes does for its own lock: the middleware then answers with the lockout page.
            request.axes_locked_out = True
            request.axes_credentials = credentials
            user_locked_out.send("axes", request=request, username=username, ip_address=request.axes_ip_address)

    def reset_attempts(self, *, ip_address=None, username=None, ip_or_username=False):
        count = super().reset_attempts(ip_address=ip_address, username=username, ip_or_username=ip_or_username)
        if username:
            count += lift_account_lock(username)
        return count


class LiftAccountLockOnNewPassword:
    """A password "validator" that validates nothing: Django calls password_changed() whenever a password is set
    (the admin's password form, `changepassword`), and a new password lifts the account lock."""

    def validate(self, password, user=None):
        return None

    def password_changed(self, password, user=None):
        if user is not None:
            lift_account_lock(user.get_username())

    def get_help_text(self):
        # Shown with the password rules on every password form, where it is worth knowing.
        return _("A new password also lifts a lock on the account after too many failed logins.")

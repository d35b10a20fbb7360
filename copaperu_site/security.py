"""Request-level security pieces the settings refer to: the client's address behind a proxy, and the CSP.

The public pages need no inline script or style, so the site-wide Content-Security-Policy allows neither.
Django's admin writes a few `style="..."` attributes (hidden SVG sprites, widths in changelists), so only
/admin/ gets `'unsafe-inline'` for styles; its scripts are all files and stay under `'self'`.
"""

from urllib.parse import unquote

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_client_username
from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib import admin
from django.db import DataError
from django.shortcuts import render
from django.views.defaults import bad_request

from .login_limits import account_locked

ADMIN_STYLE_ALLOWANCE = {"style-src": [UNSAFE_INLINE]}


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or the address our own reverse proxies saw.

    With DJANGO_PROXY_COUNT=1 (one nginx in front), nginx appends the address it saw to X-Forwarded-For, so the
    right-most entry is the one nobody but the visitor's TCP connection chose. Entries further left are typed by
    the client and must never be trusted: an attacker would pick a fresh address per login attempt.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's inline-style allowance scoped to the admin's URLs."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_URL_PREFIX) and parts.update is None:
            parts.update = ADMIN_STYLE_ALLOWANCE
        return parts


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out login gets: why, for how long, and how to get back in (HTTP 429)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    username = get_client_username(request, credentials)
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": minutes,
        # Locked for every address (login_limits.py), rather than for this address only.
        "account_locked": account_locked(username),
        "account_failure_limit": settings.LOGIN_ACCOUNT_FAILURE_LIMIT,
        "account_window_minutes": int(settings.LOGIN_ACCOUNT_FAILURE_WINDOW.total_seconds() // 60),
        "username": username,
        **admin.site.each_context(request),
    }
    return render(request, "admin/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


class OversizedNumberMiddleware:
    """Input the database cannot even hold, in a URL, is the visitor's mistake, not ours: answer 400, not 500.

    - SQLite refuses integers past 64 bits with OverflowError wherever Django does not check the range itself
      (admin changelist filters such as `?region=` followed by 30 nines, found by the URL fuzz test). No code of
      ours does arithmetic that overflows, so during a request this error always means such input.
    - PostgreSQL refuses a NUL character in text with DataError (`?q=%00` on a changelist's search, found by the
      admin fuzz test); only when the query string holds a NUL is that error taken for the visitor's.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OverflowError):
            return bad_request(request, exception)
        if isinstance(exception, DataError) and "\x00" in unquote(request.META.get("QUERY_STRING", "")):
            return bad_request(request, exception)
        return None


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for logins that come with a request.

    Axes refuses an authenticate() call without a request; but only code running on the server makes those (the
    test client's login(), a management command, the shell), never a visitor, so there is nothing to throttle:
    let the next backend check the password as usual. Every login form passes its request and is throttled.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

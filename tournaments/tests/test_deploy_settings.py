"""DJANGO_ENV=production: Django's deployment checks pass, weak keys are refused, and SQLite copes with
several writers. Each case runs manage.py in a fresh process, since settings are read once per process."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k3Jd9-QxL2mPz8Vw1tYr6Ns4Bh0Cf7GaUe5Io2Lk9Mn3Bv8Xc1Zq6Wy4Tr0Pp7Ss"


def manage(*args, env=None, timeout=120):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=timeout
    )


def last_line(result):
    # `shell` first says how many models it imported; the answer is the last line.
    return result.stdout.strip().splitlines()[-1]


def production_env(tmp_path, **extra):
    return {
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": STRONG_KEY,
        "DJANGO_ALLOWED_HOSTS": "copaperu.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "CACHE_URL": "locmem://",
        **extra,
    }


def test_deploy_check_passes_without_a_single_warning(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr + result.stdout


def test_production_turns_on_hsts_for_a_year_secure_cookies_and_no_debug(tmp_path):
    code = (
        "import json; from django.conf import settings as s; print(json.dumps([s.DEBUG, s.SECURE_HSTS_SECONDS, "
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT]))"
    )
    result = manage("shell", "-c", code, env=production_env(tmp_path, DJANGO_DEBUG="1"))
    assert result.returncode == 0, result.stderr
    debug, hsts, session_secure, csrf_secure, redirect = json.loads(last_line(result))
    assert debug is False, "DJANGO_DEBUG=1 must not turn debug pages on in production"
    assert hsts >= 365 * 24 * 3600
    assert session_secure and csrf_secure and redirect


@pytest.mark.parametrize(
    "key",
    ["", "insecure-dev-only-key-do-not-use-in-production", "short-key", "django-insecure-" + "x1y2z3" * 10, "a" * 60],
    ids=["missing", "dev key", "too short", "django placeholder", "too few distinct characters"],
)
def test_production_refuses_to_start_without_a_real_secret_key(tmp_path, key):
    result = manage("check", env=production_env(tmp_path, DJANGO_SECRET_KEY=key))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set to a random key" in result.stderr


WRITER = """
import sys
from django.db import transaction
from tournaments.models import Team
worker = sys.argv[-1]
for n in range(40):
    with transaction.atomic():
        # Read, then write: the pattern that fails at once with "database is locked" under DEFERRED transactions.
        count = Team.objects.count()
        Team.objects.create(name=f"Writer {worker} team {n} after {count}")
"""


def test_sqlite_runs_in_wal_mode_and_parallel_writers_lose_nothing(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'writers.sqlite3'}", "CACHE_URL": "dummy://"}
    assert manage("migrate", "--no-input", "-v0", env=env).returncode == 0
    modes = manage(
        "shell",
        "-c",
        "from django.db import connection as c; c.ensure_connection(); "
        "print(c.cursor().execute('PRAGMA journal_mode').fetchone()[0], c.transaction_mode)",
        env=env,
    )
    assert last_line(modes).split() == ["wal", "IMMEDIATE"], modes.stderr

    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    environment = {**os.environ, **env, "DJANGO_SETTINGS_MODULE": "copaperu_site.settings", "PYTHONPATH": str(ROOT)}
    bootstrap = f"import django; django.setup(); exec(open({str(script)!r}).read())"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", bootstrap, str(worker)], cwd=ROOT, env=environment, stderr=subprocess.PIPE
        )
        for worker in range(4)
    ]
    errors = [writer.communicate(timeout=120)[1].decode() for writer in writers]
    assert all(writer.returncode == 0 for writer in writers), errors

    counted = manage("shell", "-c", "from tournaments.models import Team; print(Team.objects.count())", env=env)
    assert last_line(counted) == str(4 * 40)

"""Settings for the Copa Perú archive.

Everything that differs between a laptop and production comes from the environment:
DATABASE_URL, DJANGO_SECRET_KEY, DJANGO_DEBUG and DJANGO_ALLOWED_HOSTS; DJANGO_ENV=production switches on the
hardened block below (HTTPS-only cookies, HSTS, a refusal to start on a weak key), CACHE_URL picks the cache.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from copaperu_site.cache_url import parse_cache_url
from copaperu_site.files import owner_only_sqlite_file

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Environment (production readiness) ---
PRODUCTION = os.environ.get("DJANGO_ENV", "development").strip().lower() == "production"
# Debug pages leak settings and source: production never shows them, whatever DJANGO_DEBUG says.
DEBUG = env_flag("DJANGO_DEBUG") and not PRODUCTION

# A development key is only acceptable off production; a public server must be given its own, strong one
# (the same bar as `check --deploy`: 50 characters, 5 distinct, not Django's "django-insecure-" placeholder).
_DEV_SECRET_KEY = "insecure-dev-only-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "").strip()
if PRODUCTION and (
    SECRET_KEY in ("", _DEV_SECRET_KEY)
    or len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY.startswith("django-insecure-")
):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random key of at least 50 characters in production; generate one with "
        "python -c 'import secrets; print(secrets.token_urlsafe(64))'."
    )
SECRET_KEY = SECRET_KEY or _DEV_SECRET_KEY

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Its ordinals ("2nd", "2º") in each page's language: tournaments/presentation/stages.py finish().
    "django.contrib.humanize",
    "django_filters",
    "django_tables2",
    "reversion",
    "tournaments",
    # --- Production readiness ---
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Production readiness: before whitenoise, so static files carry the Content-Security-Policy too.
    "copaperu_site.security.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The address decides the public pages' language (English unprefixed, Spanish under /es/); the browser the admin's.
    "copaperu_site.locale.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # --- Production readiness: login throttling; the public-page cache innermost, so every header above is
    # added to cached pages too.
    "axes.middleware.AxesMiddleware",
    "tournaments.caching.PublicPageCacheMiddleware",
    "copaperu_site.security.OversizedNumberMiddleware",
]

ROOT_URLCONF = "copaperu_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tournaments.languages.page_languages",
            ],
        },
    },
]

WSGI_APPLICATION = "copaperu_site.wsgi.application"

# SQLite inside the project by default (git-ignored); PostgreSQL in production via DATABASE_URL.
DEFAULT_DATABASE_URL = f"sqlite:///{BASE_DIR / 'db' / 'copaperu.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    owner_only_sqlite_file(DATABASES["default"]["NAME"])
    # Several gunicorn workers share one file: WAL lets readers run beside a writer, and BEGIN IMMEDIATE takes
    # the write lock up front so a second writer waits (up to `timeout` seconds) instead of failing at its first
    # write with "database is locked" (a deferred transaction cannot wait for a lock it tries to upgrade).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The seed articles the shipped fixtures are built from (and tests check against): the project's own data, in seeds/.
SEED_ARTICLES_DIR = Path(os.environ.get("COPAPERU_SEEDS_DIR", BASE_DIR / "seeds"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Not a rule for passwords: a new password lifts a per-account login lock (copaperu_site/login_limits.py).
    {"NAME": "copaperu_site.login_limits.LiftAccountLockOnNewPassword"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
TIME_ZONE = "America/Lima"
USE_I18N = True
USE_TZ = True
# The project's own messages (Spanish), and the date formats the public pages use in each language ("7 Dec 2008",
# "7 dic. 2008"): copaperu_site/formats/<language>/formats.py, over Django's own.
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["copaperu_site.formats"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DJANGO_TABLES2_TEMPLATE = "includes/table.html"

# --- Production readiness: static files, media, cache ---
# A CDN in front of whitenoise: STATIC_URL points at it, and the CSP allows it.
STATIC_HOST = os.environ.get("DJANGO_STATIC_HOST", "").rstrip("/")
STATIC_URL = f"{STATIC_HOST}/static/" if STATIC_HOST else STATIC_URL
# Hashed file names (site.3f2a….css) never change content: whitenoise serves them for a year, immutable.
# Unhashed names get this shorter lifetime so a deploy shows within the hour.
WHITENOISE_MAX_AGE = 3600


def _static_file_headers(headers, path, url):
    # Whitenoise answers before the clickjacking middleware runs: give its files the same header.
    headers["X-Frame-Options"] = "DENY"


WHITENOISE_ADD_HEADERS_FUNCTION = _static_file_headers
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

# One shared cache for every worker and server. The default file cache is shared by the workers of one machine
# (a per-process locmem cache would keep serving a page another worker just invalidated); several machines share
# Redis: CACHE_URL=redis://cache-host:6379/0.
CACHES = {"default": parse_cache_url(os.environ.get("CACHE_URL") or f"file://{BASE_DIR / 'db' / 'cache'}")}
# Anything under these prefixes is never served from the public-page cache.
ADMIN_URL_PREFIX = "/admin/"
# (whitenoise answers /static/ before any of this runs, also when a CDN fetches from it.)
PUBLIC_CACHE_EXCLUDED_PREFIXES = [ADMIN_URL_PREFIX, "/static/", "/" + MEDIA_URL]
# The admin's import page posts the previewed article back with "Confirm", URL-encoded: each byte of accented text
# becomes "%C3"-like three bytes, so a 2 MB article (services.season_import.MAX_ARTICLE_BYTES) can arrive as 6 MB.
# Raised from Django's 2.5 MB so every article the preview accepts can be confirmed; any larger body is still
# refused with a 400 before it is read. (Chosen over keeping the text server-side: what is imported is exactly what
# the editor's browser shows, with no store of half-finished imports to expire.)
DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * 2 * 1024 * 1024 + 512 * 1024

# --- Production readiness: headers on every response ---
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
_STATIC_SOURCES = [STATIC_HOST] if STATIC_HOST else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", *_STATIC_SOURCES],
        "style-src": ["'self'", *_STATIC_SOURCES],
        "img-src": ["'self'", "data:", *_STATIC_SOURCES],
        "font-src": ["'self'", *_STATIC_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# --- Production readiness: login throttling (django-axes) ---
AUTHENTICATION_BACKENDS = [
    "copaperu_site.security.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "15")))
# Keyed on the account *and* the address: an attacker locks out only their own attempts at that account, never the
# editor typing the right password from the newsroom; and more failures during a lockout do not extend it, so no
# one can make a lockout permanent.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# No start-up banner: commands' output (and tests reading it) stays as the commands wrote it.
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "copaperu_site.security.lockout_response"
# Guesses spread over many addresses never reach the per-address limit: 20 wrong passwords for one account within an
# hour, from anywhere, lock the account until an administrator lifts it (axes_reset_username, or a new password) or
# the hour has passed. Axes cannot hold two limits, so a small handler adds this one (copaperu_site/login_limits.py).
AXES_HANDLER = "copaperu_site.login_limits.AccountLimitHandler"
LOGIN_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_ACCOUNT_FAILURE_LIMIT", "20"))
LOGIN_ACCOUNT_FAILURE_WINDOW = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_ACCOUNT_WINDOW_MINUTES", "60")))
AXES_CLIENT_IP_CALLABLE = "copaperu_site.security.client_ip"
# How many reverse proxies of ours stand in front of gunicorn (1 behind nginx): see security.client_ip.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))

# --- Production readiness: DJANGO_ENV=production ---
if PRODUCTION:
    # TLS ends at the reverse proxy, which must set (not pass through) X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    # Every login attempt, failed or not, with address and user agent (axes also keeps them in the database).
    "loggers": {"axes": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

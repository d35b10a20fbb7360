"""The public-page cache: anonymous GET/HEAD responses, invalidated all at once by any change to the archive.

Every cached page is keyed by one "archive version" kept in the shared cache. Any save or delete of any tournaments
model (signals wired in apps.py) replaces that version, so every page is re-rendered on its next request: at an
archive's write rate (an editor correcting a score) this is simple and always correct, where tracking which
pages a match appears on would be neither. The same version is the pages' ETag, so a browser or proxy that
revalidates gets a 304 without the page being rendered or even read from the cache.

A page is keyed by the query parameters its view reads (``query_parameters`` on the view class, or set by
``reads_query_parameters`` on a function view), sorted; any other parameter is dropped from the request before the
view runs, so `/seasons/2008/?x=1`, `?x=2`, ... are one cache entry and one body instead of one render each. A
view that declares nothing keeps the whole query string (the safe default; a test requires every public page to
declare its parameters).

Writes that bypass signals (bulk_create, QuerySet.update, raw SQL) must call `archive_changed()` (inside
`one_invalidation()` when they are part of a larger write); large deletes and imports run inside `one_invalidation()`,
which would otherwise bump once per row.
"""

import functools
import hashlib
import secrets
import threading
from contextlib import contextmanager
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers

VERSION_KEY = "copaperu:archive-version"
PAGE_KEY_PREFIX = "copaperu:page"
# Headers a view sets that belong to the page itself; everything else is added by middleware on the way out.
_STORED_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language", "Link", "X-Robots-Tag")


def archive_version():
    """The current version token, created on first use (or after the cache was emptied)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, secrets.token_hex(8), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_archive_version():
    cache.set(VERSION_KEY, secrets.token_hex(8), timeout=None)


_batch = threading.local()


@contextmanager
def one_invalidation():
    """Batch the invalidations of everything written inside the block into one, made once the writes commit.

    Inside the block a save or delete only notes that the archive changed; so does an explicit
    ``archive_changed()``, which writes that send no signals (bulk_create, bulk_update, QuerySet.update) must call.
    When the outermost block ends, the archive is invalidated once if anything changed (see ``_invalidate``):
    wrapped around the import's transaction, that is one bump right after the commit. A block that wrote nothing
    (a dry run, an import with no changes) invalidates nothing.
    """
    if getattr(_batch, "active", False):
        yield
        return
    _batch.active, _batch.changed = True, False
    try:
        yield
    finally:
        changed = _batch.changed
        _batch.active = _batch.changed = False
        if changed:
            _invalidate()


def archive_changed(**kwargs):
    """Signal receiver (and the call for writes that send none): invalidate, or note it inside one_invalidation()."""
    if getattr(_batch, "active", False):
        _batch.changed = True
        return
    _invalidate()


def _invalidate():
    """Bump the version now, and inside a transaction once more when it commits.

    The first bump makes the change visible at once (and inside tests, which never commit). The second closes a
    race: a request that read the new version while the editor's transaction was still open rendered the old
    data under the new key; the bump after commit retires that key. Outside a transaction one bump is enough.
    """
    bump_archive_version()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(bump_archive_version, robust=True)


def reads_query_parameters(*names):
    """Declare the query parameters a function view reads (class-based views set ``query_parameters``)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            return view(*args, **kwargs)

        wrapped.query_parameters = names
        return wrapped

    return decorate


def declared_query_parameters(request):
    """The parameter names the view for this path reads, or None when it does not say (or nothing resolves)."""
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    view = getattr(match.func, "view_class", match.func)
    return getattr(view, "query_parameters", None)


def canonical_query_string(query, names):
    """Only the named parameters, sorted by name (each name's values in the order given), URL-encoded.

    >>> canonical_query_string(QueryDict("x=1&sort=team&department=lima"), ("department", "sort"))
    'department=lima&sort=team'
    """
    return urlencode([(name, value) for name in sorted(set(names)) for value in query.getlist(name)])


def keep_declared_parameters(request):
    """Drop the parameters the view does not read, so the page rendered (and its links) and its cache key are
    those of the canonical URL."""
    names = declared_query_parameters(request)
    if names is None:
        return
    canonical = canonical_query_string(request.GET, names)
    if canonical != request.META.get("QUERY_STRING", ""):
        request.META["QUERY_STRING"] = canonical
        request.GET = QueryDict(canonical)


def page_cache_key(request, version):
    # The host and scheme matter to pages that print absolute URLs (sitemap, canonical links); the language to all.
    # The query string is the canonical one (keep_declared_parameters ran first).
    url = request.build_absolute_uri()
    digest = hashlib.sha256(f"{request.LANGUAGE_CODE}|{url}".encode()).hexdigest()
    return f"{PAGE_KEY_PREFIX}:{version}:{digest}"


class PublicPageCacheMiddleware:
    """Serve anonymous visitors' public pages from the shared cache, with ETag revalidation (304)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._applies_to(request):
            return self.get_response(request)
        keep_declared_parameters(request)
        # The day is part of the version: every table's citation line says the date it was retrieved.
        version = f"{archive_version()}-{timezone.localdate():%Y%m%d}"
        etag = f'"{version}-{request.LANGUAGE_CODE}"'
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return self._finish(not_modified, etag)
        key = page_cache_key(request, version)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return self._finish(response, etag)
        response = self.get_response(request)
        if self._may_store(request, response):
            headers = [(name, response[name]) for name in _STORED_HEADERS if response.has_header(name)]
            cache.set(key, (response.status_code, headers, response.content))
            self._finish(response, etag)
        return response

    @staticmethod
    def _applies_to(request):
        # Editors (and anyone with a session or pending messages) always see a fresh page; so does the admin.
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and not request.path_info.startswith(tuple(settings.PUBLIC_CACHE_EXCLUDED_PREFIXES))
        )

    @staticmethod
    def _may_store(request, response):
        session = getattr(request, "session", None)
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            # Reading the (empty) session of a cookie-less visitor is harmless; writing one would set a cookie.
            and not (session is not None and session.modified)
            and "cookie" not in response.get("Vary", "").lower()
            and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        )

    @staticmethod
    def _finish(response, etag):
        response["ETag"] = etag
        # Revalidate every time: a corrected score must show on the very next request, even through a proxy.
        response["Cache-Control"] = "max-age=0, must-revalidate"
        patch_vary_headers(response, ["Accept-Language"])
        return response

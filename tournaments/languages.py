"""The site's two languages on the public pages: each page's other-language version, and the notice offering it.

An address says its language (English unprefixed, Spanish under /es/: copaperu_site/locale.py makes sure of it), so
a shared link or a crawler always gets the page it asked for. A visitor whose browser prefers a language the page is
not in is offered that version in a notice on English pages, never redirected to it; the notice is the only part of
a page that depends on the browser, which is why the page cache keys English pages on ``page_variant``.
"""

from django.conf import settings
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

# The language names as their readers write them, for the switch ("Español", "English").
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def language_in_path(request):
    """The language an address names ("es" for /es/...), or None for an unprefixed (English or admin) address."""
    return translation.get_language_from_path(request.path_info)


def browser_language(request):
    """The site language the browser's Accept-Language ranks first ("es" for "es-PE,es;q=0.9,en;q=0.8"), or None
    when it names none of them. The language cookie is not read: only the browser's own setting offers a page."""
    for code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        if code == "*":
            return None
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return None


def offered_language(request):
    """The language an English page's notice offers ("es"), or None: on an unprefixed public page only, when the
    browser prefers another site language."""
    if language_in_path(request) is not None:
        return None
    preferred = browser_language(request)
    return preferred if preferred not in (None, settings.LANGUAGE_CODE) else None


def page_variant(request):
    """What a public page's body depends on besides its address: "es", "en", or "en+es" (English with the notice
    offering Spanish). The page cache's key and ETag include it."""
    offered = offered_language(request)
    return f"{request.LANGUAGE_CODE}+{offered}" if offered else request.LANGUAGE_CODE


def _public_match(request):
    """The resolved public page (namespace "tournaments", not the sitemap), or None (a 404, the admin)."""
    if request.path_info.startswith(settings.ADMIN_URL_PREFIX):
        return None
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    return match if match.namespace == "tournaments" and match.url_name != "sitemap" else None


def _address(match, language):
    """The page's path in ``language``: the same view and arguments, reversed with that language active."""
    with translation.override(language):
        if match is None:
            return reverse("tournaments:home")
        return reverse(match.view_name, args=match.args, kwargs=match.kwargs)


def page_languages(request):
    """Context processor: ``language_alternates``, ``language_switch`` and ``language_notice`` for base.html.

    - ``language_alternates``: [{"code", "url"}] for <link rel="alternate" hreflang>: every language's absolute
      address of this page (no query string, as the canonical link), then "x-default" (English); empty on pages
      that are not a public page (a 404).
    - ``language_switch``: [{"code", "name", "url"}] for each other language: the same page with the same query
      string (the home page of that language on a 404).
    - ``language_notice``: {"code", "url"} when the page should offer the browser's preferred language, else None.
    """
    if request.path_info.startswith(settings.ADMIN_URL_PREFIX):
        return {}
    match = _public_match(request)
    current = translation.get_language()
    paths = {code: _address(match, code) for code in LANGUAGE_NAMES}
    query = request.META.get("QUERY_STRING", "")
    with_query = {code: f"{path}?{query}" if query and match else path for code, path in paths.items()}
    alternates = []
    if match is not None:
        alternates = [{"code": code, "url": request.build_absolute_uri(path)} for code, path in paths.items()]
        alternates.append({"code": "x-default", "url": request.build_absolute_uri(paths[settings.LANGUAGE_CODE])})
    offered = offered_language(request)
    return {
        "language_alternates": alternates,
        "language_switch": [
            {"code": code, "name": name, "url": with_query[code]}
            for code, name in LANGUAGE_NAMES.items()
            if code != current
        ],
        "language_notice": {"code": offered, "url": with_query[offered]} if offered else None,
    }

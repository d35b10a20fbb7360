"""Cache-busting query strings: a page is cached once per parameter its view reads, whatever else is appended."""

import pytest
from django.core.cache import cache
from django.urls import URLResolver, get_resolver

from tournaments.caching import PAGE_KEY_PREFIX

pytestmark = pytest.mark.usefixtures("shipped_seasons")


@pytest.fixture(autouse=True)
def _countable_cache(settings):
    # Process memory, whatever CACHE_URL says, so the test can count the pages stored.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "keys"}}
    cache.clear()


def stored_pages():
    return [key for key in cache._cache if PAGE_KEY_PREFIX in key]


@pytest.mark.parametrize(
    "path", ["/seasons/2008/", "/seasons/2008/departmental/?sort=team", "/teams/", "/search/?q=huancayo"]
)
def test_junk_parameters_leave_one_cache_entry_and_the_same_body(client, path, django_assert_num_queries):
    first = client.get(path)
    assert first.status_code == 200
    joiner = "&" if "?" in path else "?"
    with django_assert_num_queries(0):
        for number in range(30):
            response = client.get(f"{path}{joiner}x={number}&utm_source=junk{number}&_={number}")
            assert response.status_code == 200
            assert response.content == first.content
    assert len(stored_pages()) == 1


def test_the_parameters_a_page_reads_still_make_their_own_pages(client):
    by_team = client.get("/seasons/2008/departmental/?sort=team").content
    by_team_reversed = client.get("/seasons/2008/departmental/?sort=-team").content
    lima = client.get("/seasons/2008/departmental/?department=lima&sort=team").content
    assert len({by_team, by_team_reversed, lima}) == 3
    # The same parameters in another order are the same page.
    assert client.get("/seasons/2008/departmental/?sort=team&department=lima").content == lima
    assert len(stored_pages()) == 3


def test_a_junk_parameter_is_not_carried_into_the_pages_links(client):
    page = client.get("/seasons/2008/departmental/?sort=team&tracking=marker123").content.decode()
    assert "marker123" not in page
    assert "sort=" in page


def test_every_public_page_declares_the_parameters_it_reads(rf):
    from tournaments.caching import declared_query_parameters

    def routes(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern)

    examples = {"<int:year>": "2008", "<str:roman>": "iv", "<slug:slug>": "lima"}
    undeclared = []
    for route in routes(get_resolver().url_patterns):
        if route.startswith(("admin/", "^admin", "static/", "media/")):
            continue
        path = "/" + route
        for placeholder, value in examples.items():
            path = path.replace(placeholder, value)
        if declared_query_parameters(rf.get(path)) is None:
            undeclared.append(route)
    assert undeclared == []

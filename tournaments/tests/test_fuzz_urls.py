"""Hostile input never gives a 500 or a reflected script, on every URL pattern the site has.

The patterns are read from the resolver when the tests are collected, so pages added later are fuzzed too: each
gets malformed path values (matching its converters, and not) and hostile query parameters (page, sort, _export,
q, department, region and random keys; overlong, control characters, markup). Public pages are fuzzed as an
anonymous visitor, the admin as a logged-in superuser, so the editors' screens are covered as well.
"""

import re
from urllib.parse import quote, urlencode

import pytest
from django.contrib.auth.models import User
from django.urls import URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tournaments.models import Department, Team

SCRIPT = "<script>alert('fz')</script>"
HOSTILE = [
    SCRIPT,
    '"><svg onload=alert(1)>',
    "",
    "0",
    "-1",
    "1e9",
    "9" * 30,
    "2008",
    "1998",
    "viii",
    "IV",
    "iiii",
    "MMVIII",
    "..",
    "%00",
    "\x00",
    "\x1b[2J\r\n",
    "\u202eevil",
    "é" * 3,
    "x" * 3000,
    "'; DROP TABLE tournaments_team; --",
    "csv",
    "xlsx",
    "exe",
    "-team",
    "nonexistent_column",
]
PARAMETER_KEYS = ["page", "sort", "_export", "q", "department", "region", "per_page", "year", "o", "p", "e"]
CONVERTER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _routes(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        else:
            yield route


ROUTES = sorted(set(_routes(get_resolver().url_patterns)))
PUBLIC_ROUTES = [route for route in ROUTES if not route.startswith(("admin/", "^admin"))]
ADMIN_ROUTES = [route for route in ROUTES if route not in PUBLIC_ROUTES]


def segment_values(real_values):
    return st.one_of(st.sampled_from(HOSTILE + real_values), st.text(max_size=40), st.integers().map(str))


def build_path(data, route, real_values):
    """A path for the route with every placeholder (or regex group) filled with a drawn value."""
    regex_groups = re.compile(r"\(\?P<[^>]+>[^)]*\)")
    template = route.lstrip("^").rstrip("$").replace("\\Z", "")
    filled = CONVERTER.sub(lambda _: data.draw(segment_values(real_values)), template)
    filled = regex_groups.sub(lambda _: data.draw(segment_values(real_values)), filled)
    return "/" + quote(filled, safe="/")


def query_string(data):
    pairs = data.draw(
        st.lists(
            st.tuples(st.one_of(st.sampled_from(PARAMETER_KEYS), st.text(max_size=12)), segment_values([])),
            max_size=4,
        )
    )
    return urlencode(pairs)


def assert_safe(response, url):
    assert response.status_code < 500, url
    if response.get("Content-Type", "").startswith("text/html"):
        body = response.content.decode(errors="replace")
        assert SCRIPT not in body, f"script reflected unescaped by {url}"
        assert "<svg onload" not in body, f"markup reflected unescaped by {url}"


def real_values():
    return (
        ["2008", "1998", "i", "iv", "viii"]
        + list(Team.objects.values_list("slug", flat=True)[:5])
        + list(Department.objects.values_list("slug", flat=True)[:3])
    )


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.usefixtures("shipped_seasons")
@pytest.mark.parametrize("route", PUBLIC_ROUTES)
@FUZZ
@given(data=st.data())
def test_public_pages_survive_hostile_input(client, route, data):
    url = build_path(data, route, real_values()) + "?" + query_string(data)
    assert_safe(client.get(url), url)


@pytest.mark.usefixtures("shipped_seasons")
@pytest.mark.parametrize("route", ADMIN_ROUTES)
@settings(FUZZ, max_examples=4)
@given(data=st.data())
def test_admin_pages_survive_hostile_input(client, route, data):
    client.force_login(User.objects.get_or_create(username="fuzz", is_staff=True, is_superuser=True)[0])
    url = build_path(data, route, real_values()) + "?" + query_string(data)
    assert_safe(client.get(url), url)


def test_every_url_pattern_is_fuzzed():
    assert len(PUBLIC_ROUTES) >= 2 and "seasons/<int:year>/" in PUBLIC_ROUTES
    assert "admin/login/" in ADMIN_ROUTES


@pytest.mark.usefixtures("shipped_seasons")
@pytest.mark.parametrize("value", [SCRIPT, "abc", "1.5", "9" * 30])
def test_a_malformed_initial_value_on_an_admin_add_page_leaves_the_field_empty(client, value):
    # Found by the fuzzer: Django's autocomplete widget looked the raw value up and raised a 500.
    client.force_login(User.objects.create_superuser("chief", password="a long chief password"))
    response = client.get("/admin/tournaments/qualifier/add/", {"department": value, "team": value})
    assert response.status_code == 200
    assert SCRIPT not in response.content.decode()


@pytest.mark.usefixtures("shipped_seasons")
def test_a_valid_initial_value_is_still_preselected(client):
    from tournaments.models import Department

    client.force_login(User.objects.create_superuser("chief", password="a long chief password"))
    lima = Department.objects.get(name="Lima")
    page = client.get("/admin/tournaments/qualifier/add/", {"department": lima.pk}).content.decode()
    assert f'<option value="{lima.pk}" selected>Lima</option>' in page


@pytest.mark.usefixtures("shipped_seasons")
def test_a_number_too_large_for_the_database_is_a_bad_request_not_a_server_error(client):
    # Found by the fuzzer: SQLite raised OverflowError from an admin changelist filter.
    client.force_login(User.objects.create_superuser("chief", password="a long chief password"))
    response = client.get("/admin/tournaments/pointsadjustment/", {"region": "9" * 30})
    assert response.status_code in (200, 302, 400)

"""Every public URL pattern answers 200 for what exists and a helpful 404 for what does not; every page is findable."""

import re
from pathlib import Path

import pytest
from django.urls import get_resolver

from tournaments.models import Department, Region, Team

from .page_helpers import page, text

pytestmark = pytest.mark.usefixtures("shipped_seasons")

GOOD = {
    "home": ["/"],
    "season-list": ["/seasons/", "/seasons/?page=1"],
    "season-detail": ["/seasons/2008/", "/seasons/1998/"],
    "season-departmental": ["/seasons/2008/departmental/", "/seasons/1998/departmental/?region=viii&sort=-location"],
    "season-regional": ["/seasons/2008/regional/", "/seasons/1998/regional/"],
    "region-detail": [
        f"/seasons/{year}/regional/{numeral}/" for year in (1998, 2008) for numeral in ("i", "iv", "viii")
    ],
    "season-national": ["/seasons/2008/national/", "/seasons/1998/national/"],
    "team-list": ["/teams/", "/teams/?department=lima&sort=-season_count"],
    "team-detail": ["/teams/sport-huancayo/", "/teams/juan-aurich/"],
    "department-list": ["/departments/"],
    "department-detail": ["/departments/lima/", "/departments/madre-de-dios/"],
    "search": ["/search/", "/search/?q=garcilaso"],
    "sitemap": ["/sitemap.xml"],
}

MISSING = {
    "season-list": ["/seasons/?page=99"],
    "season-detail": ["/seasons/1850/", "/seasons/1966/", "/seasons/99999999999999999999999/"],
    "season-departmental": ["/seasons/1966/departmental/"],
    "season-regional": ["/seasons/1966/regional/"],
    "region-detail": [
        "/seasons/2008/regional/iiii/",
        "/seasons/2008/regional/ix/",
        "/seasons/2008/regional/4/",
        "/seasons/1966/regional/i/",
    ],
    "season-national": ["/seasons/2100/national/"],
    "team-detail": ["/teams/no-such-team/"],
    "department-detail": ["/departments/atlantis/"],
}


def test_every_url_pattern_is_covered():
    names = {pattern.name for pattern in get_resolver().url_patterns[-1].url_patterns}
    assert names == set(GOOD)


@pytest.mark.parametrize("url", [url for urls in GOOD.values() for url in urls])
def test_existing_pages_answer_200(client, url):
    page(client, url)


@pytest.mark.parametrize("url", [url for urls in MISSING.values() for url in urls])
def test_missing_pages_answer_a_helpful_404(client, url):
    body = page(client, url, status=404)
    assert 'href="/seasons/"' in body and 'href="/teams/"' in body and 'action="/search/"' in body
    assert '<meta name="robots" content="noindex">' in body


def test_404_says_what_was_missing(client):
    assert "Copa Perú 2008 has no Region ix in the archive." in text(page(client, "/seasons/2008/regional/ix/", 404))


@pytest.mark.parametrize("url", [urls[0] for name, urls in GOOD.items() if name != "sitemap"])
def test_pages_have_title_description_canonical_open_graph_and_breadcrumbs(client, url):
    body = page(client, url)
    title = re.search(r"<title>(.*?)</title>", body).group(1)
    assert title.endswith("Copa Perú archive")
    assert re.search(r'<meta name="description" content="[^"]{20,}">', body)
    assert f'<link rel="canonical" href="http://testserver{url.split("?")[0]}">' in body
    for prop in ("og:title", "og:description", "og:url", "og:type"):
        assert f'property="{prop}"' in body
    if url != "/":
        assert 'aria-label="Breadcrumb"' in body and 'aria-current="page"' in body


def test_titles_are_specific(client):
    assert "<title>Copa Perú 2008 Region IV – Copa Perú archive</title>" in page(client, "/seasons/2008/regional/iv/")
    assert "<title>Sport Huancayo – Copa Perú archive</title>" in page(client, "/teams/sport-huancayo/")


def test_sitemap_lists_every_season_region_team_and_department_page(client):
    body = page(client, "/sitemap.xml")
    locations = set(re.findall(r"<loc>http://testserver(.*?)</loc>", body))
    for year in (1998, 2008):
        for suffix in ("", "departmental/", "regional/", "national/"):
            assert f"/seasons/{year}/{suffix}" in locations
    assert {region.get_absolute_url() for region in Region.objects.select_related("season")} <= locations
    assert {team.get_absolute_url() for team in Team.objects.all()} <= locations
    assert {department.get_absolute_url() for department in Department.objects.all()} <= locations


TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.html")), ids=lambda path: path.name)
def test_templates_have_no_inline_script_or_style(path):
    # A Content-Security-Policy will forbid them: CSS lives in static/css, the site works without JavaScript.
    source = path.read_text()
    assert not re.search(r"<script|<style|\sstyle=", source, re.I)

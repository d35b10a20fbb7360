"""Each season page credits the articles it was built from, with their licence, and quoted notes link there."""

import pytest
from django.conf import settings

from tournaments.models import Season
from tournaments.sources import SEASON_SOURCES

from .page_helpers import page, section, text

pytestmark = pytest.mark.usefixtures("shipped_seasons")


@pytest.mark.parametrize("year", [2008, 1998])
def test_the_season_page_names_its_source_and_licence(client, year):
    sources = section(page(client, f"/seasons/{year}/"), "sources")
    assert f"“{year} Copa Perú”, Wikipedia (English), published under the CC BY-SA 4.0 licence." in text(sources)
    assert 'href="https://creativecommons.org/licenses/by-sa/4.0/" rel="license"' in sources
    # Only what is known: no invented article address or access date.
    assert "wikipedia.org" not in sources and "retrieved" not in text(sources).lower()


def test_each_credited_title_is_the_title_of_a_seed_article():
    titles = {
        path.read_text(encoding="utf-8").splitlines()[0].strip("= ")
        for path in settings.SEED_ARTICLES_DIR.glob("*.txt")
    }
    assert {source.title for sources in SEASON_SOURCES.values() for source in sources} == titles


def test_a_season_without_recorded_sources_says_so(client):
    Season.objects.create(year=1966)  # before the shipped roll of champions (1967-2025), which cites its sources
    assert "The sources of this season are not recorded." in text(section(page(client, "/seasons/1966/"), "sources"))


@pytest.mark.parametrize(
    "url, year",
    [("/seasons/2008/regional/iv/", 2008), ("/seasons/1998/national/", 1998), ("/seasons/1998/regional/v/", 1998)],
)
def test_quoted_notes_link_to_the_sources(client, url, year):
    body = page(client, url)
    notes = body.count('<q class="note-text">')
    assert notes > 0
    assert body.count(f'<a class="note-source" href="/seasons/{year}/#sources">Source</a>') == notes

"""Each season page credits the articles it was built from, with their licence, and quoted notes link there."""

import pytest

from tournaments.models import Citation, Season, Source

from .page_helpers import page, section, text

pytestmark = pytest.mark.usefixtures("shipped_seasons")


@pytest.mark.parametrize("year", [2008, 1998])
def test_the_season_page_names_its_source_and_licence(client, year):
    # The shipped seasons' sources are data now (issue 14): the page lists what the season cites, with its licence.
    season = Season.objects.get(year=year)
    Citation.objects.filter(season=season).delete()
    source = Source.objects.create(
        publisher="Wikipedia (English)",
        title=f"{year} Copa Perú",
        licence="CC BY-SA 4.0",
        licence_url="https://creativecommons.org/licenses/by-sa/4.0/",
    )
    Citation.objects.create(season=season, source=source, order=1)
    sources = section(page(client, f"/seasons/{year}/"), "sources")
    assert f"“{year} Copa Perú”, Wikipedia (English), published under the CC BY-SA 4.0 licence." in text(sources)
    assert 'href="https://creativecommons.org/licenses/by-sa/4.0/" rel="license"' in sources
    # Only what is known: no invented article address or access date.
    assert "wikipedia.org" not in sources and "retrieved" not in text(sources).lower()
    assert "Date accessed not recorded." in text(sources)


@pytest.mark.parametrize("year", [2008, 1998])
def test_every_source_a_shipped_season_cites_is_listed_on_each_of_its_pages(client, year):
    season = Season.objects.get(year=year)
    titles = {citation.source.title for citation in Citation.objects.filter(season=season).select_related("source")}
    for url in (f"/seasons/{year}/", f"/seasons/{year}/departmental/", f"/seasons/{year}/national/"):
        listed = text(section(page(client, url), "sources"))
        assert all(title in listed for title in titles), url


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

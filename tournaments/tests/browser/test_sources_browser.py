"""Footnotes and the Sources section as a reader sees them, on the 2008 season and national pages at phone and
desktop width, with test citations added to the shipped 2008 season (the shipped articles' own citations are being
written in parallel; these tests do not depend on them)."""

import datetime

import pytest

from tournaments.models import Citation, FactVersion, Match, Note, Season, Source, StageKind

from .conftest import DESKTOP, PHONE, horizontal_overflow, save_screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def cited_2008(live_seasons):
    season = Season.objects.get(year=2008)
    # This test numbers its own sources: the shipped seed's (seeds/000_*.txt, ==Sources==) make way for them.
    Citation.objects.filter(season=season).delete()
    wikipedia = Source.objects.create(
        publisher="Wikipedia",
        title="2008 Copa Perú",
        url="https://en.wikipedia.org/wiki/2008_Copa_Per%C3%BA",
        language="en",
        licence="CC BY-SA 4.0",
        licence_url="https://creativecommons.org/licenses/by-sa/4.0/",
    )
    rsssf = Source.objects.create(
        publisher="RSSSF",
        title="Peru 2008: Copa Perú, a very long title that a phone must wrap rather than scroll sideways",
        url="https://www.rsssf.org/tablesp/peru08.html#a-very-long-fragment-that-does-not-break-anywhere-at-all",
        accessed=datetime.date(2026, 11, 29),
    )
    Citation.objects.create(season=season, source=wikipedia, order=1)
    Citation.objects.create(season=season, source=rsssf, order=2)
    Citation.objects.create(season=season, source=wikipedia, fact="champion", order=3)
    national = Match.objects.filter(season=season, group__stage=StageKind.NATIONAL).order_by("pk")
    for order, match in enumerate(national[:3], start=4):
        Citation.objects.create(season=season, source=rsssf, match=match, order=order)
    group = national[0].group
    Citation.objects.create(season=season, source=wikipedia, group=group, order=8)
    for note in Note.objects.filter(season=season)[:2]:
        Citation.objects.create(season=season, source=rsssf, note=note, order=9)
    FactVersion.objects.create(season=season, fact="champion", name=season.champion.name, team=season.champion)
    FactVersion.objects.get(season=season).sources.add(wikipedia, rsssf)
    FactVersion.objects.create(season=season, fact="champion", name="A rival's name in a test", order=1)
    FactVersion.objects.get(season=season, order=1).sources.add(rsssf)
    season.confidence = Season.Confidence.DISPUTED
    season.save()
    return live_seasons


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("name, url", [("season", "/seasons/2008/"), ("national", "/seasons/2008/national/")])
def test_footnotes_lead_to_their_source_and_fit_the_screen(cited_2008, page, name, url, viewport):
    page.set_viewport_size(viewport)
    assert page.goto(cited_2008.url + url).status == 200
    save_screenshot(page, f"sources-{name}-{viewport['width']}")
    assert horizontal_overflow(page) == 0
    assert page.console_errors == []
    footnote = page.locator("sup.footnote-ref a[href='#source-2']").first
    footnote.click()
    assert page.evaluate("location.hash") == "#source-2"
    assert page.locator("#source-2").is_visible()
    assert "RSSSF" in page.locator("#source-2").inner_text()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_a_season_known_only_from_the_roll_fits_the_screen(live_seasons, page, viewport):
    # Both ship with the roll of champions (seeds/roll): 1990 not held, 1967 known only by its facts and sources.
    assert Season.objects.get(year=1990).status == Season.Status.NOT_HELD
    assert not Season.objects.get(year=1967).stages.exists()
    page.set_viewport_size(viewport)
    for year in (1990, 1967):
        assert page.goto(f"{live_seasons.url}/seasons/{year}/").status == 200
        save_screenshot(page, f"sources-roll-{year}-{viewport['width']}")
        assert horizontal_overflow(page) == 0
    assert page.locator("#not-recorded").is_visible()

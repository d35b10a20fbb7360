"""The roll of champions in a browser: 59 seasons on /seasons/ and the home page, and a team's titles, readable at
375 and 1,280 px (no sideways page scroll, the season, champion, runner-up and confidence of a row all on screen)."""

import pytest

from ..factories import create_roll_of_champions
from .conftest import ARTIFACTS, DESKTOP, PHONE, horizontal_overflow, save_screenshot

pytestmark = pytest.mark.browser

PAGES = {"roll-seasons": "/seasons/", "roll-home": "/", "roll-team": "/teams/atletico-torino/"}


@pytest.fixture
def live_roll(live_seasons):
    create_roll_of_champions()
    return live_seasons


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("name, url", PAGES.items())
def test_the_roll_fits_the_screen(live_roll, page, name, url, viewport):
    page.set_viewport_size(viewport)
    assert page.goto(live_roll.url + url).status == 200
    save_screenshot(page, f"{name}-{viewport['width']}")
    # What a reader sees first, and the rows around the disputed 2001 and the years not held, screen by screen.
    page.screenshot(path=str(ARTIFACTS / f"{name}-{viewport['width']}-top.png"))
    for year in ("2001", "1990"):
        row = page.locator("tbody tr", has=page.locator(f'a[href="/seasons/{year}/"]'))
        if row.count():
            row.first.scroll_into_view_if_needed()
            page.screenshot(path=str(ARTIFACTS / f"{name}-{viewport['width']}-{year}.png"))
    assert horizontal_overflow(page) == 0
    assert page.console_errors == []


@pytest.mark.parametrize("url, anchor", [("/seasons/", "seasons"), ("/", "champions")])
def test_a_phone_shows_each_season_with_champion_runner_up_and_confidence(live_roll, page, url, anchor):
    page.set_viewport_size(PHONE)
    page.goto(live_roll.url + url)
    rows = page.locator(f"#{anchor} tbody tr")
    assert rows.count() == 59
    box = page.locator(f"#{anchor} .table-container").bounding_box()
    # The confidence mark (fourth cell) of the 2001 row sits inside the table's box, not off to the right.
    row = page.locator(f"#{anchor} tbody tr", has_text="2001")
    mark = row.locator("td").nth(3).locator(".mark").bounding_box()
    assert mark["x"] + mark["width"] <= box["x"] + box["width"]
    assert row.locator("td").nth(1).inner_text().startswith("Sport Bolito")


def _luminance(rgb):
    """WCAG 2.1 relative luminance of a computed colour "rgb(r, g, b)"."""
    channels = [int(part) / 255 for part in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(foreground, background):
    light, dark = sorted([_luminance(foreground), _luminance(background)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _colours(locator):
    return locator.evaluate("el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]")


@pytest.mark.parametrize("year", [1970, 1969, 2001], ids=["confirmed", "single_source", "disputed"])
def test_a_season_s_confidence_has_the_roll_s_colour_and_reads_at_wcag_aa(live_roll, page, year):
    page.set_viewport_size(DESKTOP)
    page.goto(live_roll.url + "/seasons/")
    row = page.locator("#seasons tbody tr", has=page.locator(f'a[href="/seasons/{year}/"]'))
    roll_colours = _colours(row.locator("td").nth(3).locator(".mark"))
    page.goto(live_roll.url + f"/seasons/{year}/")
    mark = page.locator("#infobox [class*='confidence-']").first
    season_colours = _colours(mark)
    page.screenshot(path=str(ARTIFACTS / f"roll-confidence-{year}.png"))
    assert season_colours == roll_colours
    assert _contrast(*season_colours) >= 4.5, season_colours

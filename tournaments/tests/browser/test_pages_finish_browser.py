"""Issue 12 in a real Chromium at 375 and 1,280 px: standings that fit, one table style, search, 404, citations.

Screenshots land in test-artifacts/ (finish-<name>-<width>.png) for people to look at.
"""

import pytest

from tournaments.models import Group, GroupTeam, Match, Season, Team

from .conftest import ARTIFACTS, DESKTOP, PHONE, horizontal_overflow, save_screenshot

pytestmark = pytest.mark.browser

WIDTHS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])

# Where a cell sits against the visible part of its table box (its scrolling container).
FITS = """cell => {
  const box = cell.closest('.table-container').getBoundingClientRect();
  const rect = cell.getBoundingClientRect();
  return rect.width > 0 && rect.left >= box.left - 1 && rect.right <= box.right + 1;
}"""


def add_region_group():
    """A recorded round-robin group in 2008 Region V, with club names as long as the archive's longest."""
    season = Season.objects.get(year=2008)
    region = season.regions.get(number=5)
    group = Group.objects.create(season=season, region=region, name="Group C", places_advancing=1)
    names = [
        "Club Deportivo Municipal de Chaupimarca",
        "Universidad Señor de Sipán Reservas",
        "Asociación Atlético Chalaco",
        "Unión Deportiva Huancavelicana",
    ]
    teams = [Team.objects.create(name=name) for name in names]
    for team in teams:
        GroupTeam.objects.create(group=group, team=team)
    for number, (home, away) in enumerate([(0, 1), (2, 3), (0, 2), (1, 3), (0, 3), (1, 2)], start=1):
        Match.objects.create(
            season=season,
            region=region,
            group=group,
            home_team=teams[home],
            away_team=teams[away],
            home_score=number % 3,
            away_score=1,
            round_number=(number + 1) // 2,
        )


def assert_standings_fit(page, table):
    for selector in ("th.pos", "th.team", 'th[title="Played"]', 'th[title="Points"]'):
        assert page.locator(f"{table} {selector}").evaluate(FITS), selector
    for row in page.locator(f"{table} tbody tr").all():
        assert row.locator("td.team a").evaluate(FITS)
        assert row.locator("td").nth(-2).evaluate(FITS)  # the points


@WIDTHS
def test_national_and_region_standings_show_position_team_played_and_points(live_seasons, page, viewport):
    add_region_group()
    page.set_viewport_size(viewport)
    page.goto(live_seasons.url + "/seasons/2008/national/")
    assert_standings_fit(page, "#final-group-stage table.standings")
    save_screenshot(page, f"finish-national-{viewport['width']}")
    page.goto(live_seasons.url + "/seasons/2008/regional/v/")
    assert_standings_fit(page, "#group-c table.standings")
    assert page.locator("#group-c-results table.cross").evaluate(FITS.replace("cell", "c"))
    save_screenshot(page, f"finish-region-{viewport['width']}")
    page.locator("#group-c").screenshot(path=str(ARTIFACTS / f"finish-region-group-{viewport['width']}.png"))
    assert horizontal_overflow(page) == 0


def header_style(page, url, table):
    """What makes a table look like the standings: its class, header band, caption, striping and cell spacing.

    Read on the last header (the first columns stick and are painted opaque) and the second column's cells.
    """
    page.goto(url)
    return page.locator(table).first.evaluate(
        """t => {
          const th = getComputedStyle(t.querySelector('thead th:last-child'));
          const td = getComputedStyle(t.querySelector('tbody tr td:nth-child(2)'));
          return [t.className.split(' ')[0], th.backgroundColor, th.textTransform, th.borderBottom,
                  getComputedStyle(t.querySelector('caption')).fontWeight,
                  getComputedStyle(t.querySelector('tbody tr:nth-child(2)')).backgroundColor,
                  td.paddingLeft, td.paddingTop, td.borderBottom];
        }"""
    )


@WIDTHS
def test_departmental_and_team_tables_are_styled_like_the_standings(live_seasons, page, viewport):
    page.set_viewport_size(viewport)
    standings = header_style(page, live_seasons.url + "/seasons/2008/national/", "#final-group-stage table")
    assert standings[0] == "data"
    for name, url, table in [
        ("departmental", "/seasons/2008/departmental/", "#qualifiers table"),
        ("teams", "/teams/", "#teams table"),
        ("departments", "/departments/", "#departments table"),
    ]:
        assert header_style(page, live_seasons.url + url, table) == standings, name
        # Numbers sit under their headers: a right-aligned header over right-aligned numbers.
        for th in page.locator(f"{table} thead th.num").all():
            assert th.evaluate("th => getComputedStyle(th).textAlign") == "right"
        save_screenshot(page, f"finish-{name}-{viewport['width']}")
        assert horizontal_overflow(page) == 0


@WIDTHS
def test_a_table_that_scrolls_keeps_its_first_column_and_shows_a_cue(live_seasons, page, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_seasons.url + "/teams/cni/")
    reached = page.locator("#seasons thead th", has_text="How far it went")
    assert reached.evaluate(FITS)
    box = page.locator("#seasons .table-container")
    assert "radial-gradient" in box.evaluate("b => getComputedStyle(b).backgroundImage")
    if box.evaluate("b => b.scrollWidth > b.clientWidth"):
        first = page.locator("#seasons tbody tr td").first
        before = first.bounding_box()["x"]
        box.evaluate("b => { b.scrollLeft = 120; }")
        assert first.bounding_box()["x"] == before
        assert first.evaluate("td => getComputedStyle(td).position") == "sticky"
    save_screenshot(page, f"finish-team-{viewport['width']}")


@WIDTHS
def test_search_for_junin_finds_the_department(live_seasons, page, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_seasons.url + "/search/")
    page.get_by_label("Search teams, departments, towns or a year").fill("junin")
    page.get_by_role("button", name="Search").first.click()
    page.wait_for_url("**q=junin**")
    link = page.locator("#results-departments").get_by_role("link", name="Junín")
    assert link.is_visible()
    save_screenshot(page, f"finish-search-{viewport['width']}")
    link.click()
    page.wait_for_url("**/departments/junin/")
    assert horizontal_overflow(page) == 0


@WIDTHS
def test_the_404_page_is_written_for_a_fan(live_seasons, page, viewport):
    page.set_viewport_size(viewport)
    assert page.goto(live_seasons.url + "/seasons/2008/somewhere/").status == 404
    body = page.locator("main").inner_text()
    assert "Resolver404" not in body and "Http404" not in body
    assert page.get_by_role("heading", name="Page not found").is_visible()
    for name in ("Every season in the archive", "Every team", "Every department"):
        assert page.get_by_role("link", name=name).is_visible()
    save_screenshot(page, f"finish-404-{viewport['width']}")
    assert horizontal_overflow(page) == 0
    response = page.goto(live_seasons.url + "/seasons/2008/regional/IV/")
    assert response.status == 200 and page.url.endswith("/seasons/2008/regional/iv/")


@WIDTHS
def test_a_match_box_can_be_linked_and_cited(live_seasons, page, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_seasons.url + "/seasons/2008/national/")
    box = page.locator("li.match", has_text="Sport Huancayo").first
    anchor = box.get_attribute("id")
    link = box.get_by_role("link", name="Link to this match")
    assert link.is_visible()
    box.locator("summary", has_text="Cite").click()
    citation = box.locator(".citation")
    assert citation.is_visible()
    words = citation.inner_text()
    assert words.startswith("Cite: Copa Perú 2008 national stage, Sport Huancayo 0–1 CNI, 7 December 2008.")
    assert words.endswith(f"/seasons/2008/national/#{anchor}")
    link.click()
    page.wait_for_url(f"**#{anchor}")
    save_screenshot(page, f"finish-cited-match-{viewport['width']}")
    page.goto(live_seasons.url + "/seasons/1998/national/")
    ruling = page.locator("aside.footnote").first
    assert ruling.get_by_role("link", name="Link to this note").is_visible()
    assert ruling.locator(".citation").is_visible()
    # The bracket: the two lost rounds are lines, the final has the room.
    final = page.locator("#final").bounding_box()
    for lost in ("#quarterfinals", "#semifinals"):
        assert page.locator(lost).bounding_box()["height"] < min(80, final["height"] / 5)
    assert final["width"] > 0.9 * page.locator("#bracket .bracket").bounding_box()["width"]
    save_screenshot(page, f"finish-bracket-{viewport['width']}")
    assert horizontal_overflow(page) == 0

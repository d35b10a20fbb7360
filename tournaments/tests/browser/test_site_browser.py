"""What only a browser shows: each page type at phone and desktop width, sorting and filtering by click."""

import pytest

from .conftest import DESKTOP, PHONE, horizontal_overflow, save_screenshot

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "seasons": "/seasons/",
    "season": "/seasons/2008/",
    "departmental": "/seasons/2008/departmental/",
    "regional": "/seasons/1998/regional/",
    "region": "/seasons/2008/regional/iv/",
    "region-groups": "/seasons/1998/regional/v/",
    "national": "/seasons/2008/national/",
    "national-bracket": "/seasons/1998/national/",
    "teams": "/teams/",
    "team": "/teams/cni/",
    "department": "/departments/lima/",
    "search": "/search/?q=union+huaral",
}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("name, url", PAGES.items())
def test_page_fits_the_screen_without_console_errors(live_seasons, page, name, url, viewport):
    page.set_viewport_size(viewport)
    response = page.goto(live_seasons.url + url)
    assert response.status == 200
    save_screenshot(page, f"{name}-{viewport['width']}")
    assert horizontal_overflow(page) == 0
    assert page.console_errors == []


def test_not_found_page_fits_a_phone(live_seasons, page):
    page.set_viewport_size(PHONE)
    assert page.goto(live_seasons.url + "/seasons/2008/regional/ix/").status == 404
    save_screenshot(page, "not-found-375")
    assert horizontal_overflow(page) == 0
    assert page.get_by_role("link", name="Every season in the archive").is_visible()


def test_wide_tables_scroll_inside_their_own_box_on_a_phone(live_seasons, page):
    # Standings now fit a phone (issue 12: position, team, P and Pts without scrolling, see
    # test_pages_finish_browser.py); a team's season table is still wider than a phone and scrolls in its box.
    page.set_viewport_size(PHONE)
    page.goto(live_seasons.url + "/teams/cni/")
    box = page.locator("#seasons .table-container")
    assert box.evaluate("element => element.scrollWidth > element.clientWidth")
    assert horizontal_overflow(page) == 0


def first_column(page, index):
    return page.locator("#qualifiers tbody tr").evaluate_all(
        f"rows => rows.map(row => row.cells[{index}].innerText.trim())"
    )


def test_click_a_header_to_sort_then_filter_by_department(live_seasons, page):
    page.goto(live_seasons.url + "/seasons/1998/departmental/")
    page.locator("#qualifiers thead").get_by_role("link", name="Team").click()
    page.wait_for_url("**sort=team**")
    teams = first_column(page, 1)
    assert len(teams) == 29 and teams[0] == "Alfonso Ugarte" and teams[-1] == "Victor Loli"
    page.locator("#qualifiers thead").get_by_role("link", name="Team").click()
    page.wait_for_url("**sort=-team**")
    assert first_column(page, 1)[0] == "Victor Loli"

    page.get_by_label("Department").select_option(label="Piura")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**department=piura**")
    assert first_column(page, 1) == ["I.M.I.", "Atlético Torino"]
    save_screenshot(page, "departmental-filtered-1280")
    assert page.console_errors == []


def test_filter_by_region_on_a_phone(live_seasons, page):
    page.set_viewport_size(PHONE)
    page.goto(live_seasons.url + "/seasons/2008/departmental/")
    page.get_by_label("Region").select_option(label="Region IV")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**region=iv**")
    assert set(first_column(page, 0)) == {"Lima", "Callao"}
    assert horizontal_overflow(page) == 0

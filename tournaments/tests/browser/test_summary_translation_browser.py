"""A roll season's Spanish page shows the editors' Spanish summary, at phone and desktop widths."""

import pytest

from .conftest import DESKTOP, PHONE, horizontal_overflow, save_screenshot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_the_spanish_1979_page_shows_its_spanish_summary(live_seasons, page, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_seasons.url + "/es/temporadas/1979/")
    summary = page.locator("#summary")
    assert summary.inner_text().startswith("ADT ganó la Copa Perú 1979, definida en un hexagonal final en Lima")
    assert summary.get_attribute("lang") is None
    assert horizontal_overflow(page) == 0
    save_screenshot(page, f"es-summary-1979-{viewport['width']}")

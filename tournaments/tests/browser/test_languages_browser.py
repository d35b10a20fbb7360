"""The language switch and the notice offering Spanish, in a real browser at phone and desktop widths."""

import pytest

from .conftest import DESKTOP, PHONE, horizontal_overflow, save_screenshot

pytestmark = pytest.mark.browser

WIDTHS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])


@WIDTHS
def test_the_spanish_national_page_switches_to_english_on_the_same_page(live_seasons, page, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_seasons.url + "/es/temporadas/2008/nacional/")
    assert page.locator("html").get_attribute("lang") == "es"
    switch = page.locator(".language-switch").get_by_role("link", name="English")
    assert switch.is_visible()
    assert horizontal_overflow(page) == 0
    save_screenshot(page, f"i18n-national-es-{viewport['width']}")
    switch.click()
    page.wait_for_url("**/seasons/2008/national/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".language-switch").get_by_role("link", name="Español").is_visible()


@WIDTHS
def test_a_spanish_browser_on_an_english_page_is_offered_the_spanish_page(live_seasons, browser, viewport):
    context = browser.new_context(viewport=viewport, locale="es-PE")
    page = context.new_page()
    try:
        page.goto(live_seasons.url + "/seasons/2008/national/")
        assert page.locator("html").get_attribute("lang") == "en"
        notice = page.locator(".language-notice")
        assert notice.is_visible()
        assert horizontal_overflow(page) == 0
        save_screenshot(page, f"i18n-national-notice-{viewport['width']}")
        notice.get_by_role("link", name="Leerla en español").click()
        page.wait_for_url("**/es/temporadas/2008/nacional/")
        assert page.locator(".language-notice").count() == 0
    finally:
        context.close()


@WIDTHS
@pytest.mark.parametrize(
    ("name", "address"),
    [("national", "/es/temporadas/2008/nacional/"), ("region-iv", "/es/temporadas/2008/regional/iv/")],
)
def test_the_spanish_national_and_region_pages_fit_a_phone_and_a_desktop(live_seasons, page, viewport, name, address):
    # Screenshots for people to read as a fan in Huancayo would (issue 13): test-artifacts/es-<page>-<width>.png.
    page.set_viewport_size(viewport)
    page.goto(live_seasons.url + address)
    assert page.locator("html").get_attribute("lang") == "es"
    assert horizontal_overflow(page) == 0
    assert page.locator("h1").is_visible()
    assert page.console_errors == []
    save_screenshot(page, f"es-{name}-{viewport['width']}")

"""In a real browser: an editor logs in, enters a match result on the quick-score list and sees it on the site."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

from tournaments.models import Match

# Playwright's sync API runs an event loop in this thread; the live server and the ORM calls here are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"

pytestmark = pytest.mark.browser


@pytest.fixture
def page():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        yield page
        browser.close()


def test_an_editor_enters_a_result_and_sees_it_on_the_public_page(
    live_server, transactional_db, shipped_seasons, page, monkeypatch
):
    monkeypatch.setenv("EDITOR_PASSWORD", "goles-de-oro-2008")
    call_command("create_editor", "lucia", "--password-from-env", "EDITOR_PASSWORD", verbosity=0)

    page.goto(f"{live_server.url}/admin/tournaments/match/")
    assert "/admin/login/" in page.url, "anonymous visitors are sent to log in"
    page.fill("#id_username", "lucia")
    page.fill("#id_password", "goles-de-oro-2008")
    page.click("input[type=submit]")

    page.fill("#searchbar", "huancayo cni")
    page.press("#searchbar", "Enter")
    page.wait_for_selector("#result_list")
    row = page.locator("#result_list tbody tr", has_text="Sport Huancayo v CNI")
    assert row.count() == 1
    row.locator("input[name$='-home_score']").fill("3")
    row.locator("input[name$='-away_score']").fill("1")
    page.click("input[name=_save]")
    assert "1 match was changed successfully." in page.locator(".messagelist").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "admin-quick-score.png"), full_page=True)

    match = Match.objects.get(season__year=2008, home_team__name="Sport Huancayo", away_team__name="CNI")
    assert (match.home_score, match.away_score) == (3, 1)

    try:
        national = reverse("tournaments:season-national", args=[2008])
    except NoReverseMatch:
        pytest.skip("The national-stage page is built on the public-site branch; the admin part above passed.")
    page.goto(f"{live_server.url}{national}")
    fixture = page.locator(":is(tr, li, p, div)", has_text="Sport Huancayo").filter(has_text="CNI")
    assert fixture.filter(has_text="3-1").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "public-national-after-edit.png"), full_page=True)

"""In a real browser: an editor logs in, enters a match result on the quick-score list and sees it on the site."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from tournaments.models import Match

from .conftest import save_screenshot

pytestmark = pytest.mark.browser


def test_an_editor_enters_a_result_and_sees_it_on_the_public_page(live_seasons, page, monkeypatch):
    live_server = live_seasons
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
    save_screenshot(page, "admin-quick-score")

    match = Match.objects.get(season__year=2008, home_team__name="Sport Huancayo", away_team__name="CNI")
    assert (match.home_score, match.away_score) == (3, 1)

    page.console_errors.clear()  # The admin pages have no favicon; only the public page's own errors matter here.
    page.goto(f"{live_server.url}{reverse('tournaments:season-national', args=[2008])}")
    line = page.locator(f"#{match.anchor} .match-line")
    assert line.locator(".score").inner_text() == "3–1"
    assert line.locator(".teams").inner_text().startswith("Sport Huancayo")
    assert page.console_errors == []
    save_screenshot(page, "public-national-after-edit")

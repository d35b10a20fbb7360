"""In a real browser: the results grid at 1,280 and 375 px, and the admin pages that must fit 1,280 px."""

import datetime

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import Permission
from django.core.management import call_command

from tournaments.models import Group, Match, Tie

from .conftest import DESKTOP, PHONE, horizontal_overflow, save_screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def editor_page(browser, live_seasons, monkeypatch):
    """A logged-in editor's page factory; the browser's clock is in Madrid, 5 or 6 hours ahead of Lima."""
    # Each browser test's database is emptied afterwards, migration 0003's Editors group included: put it back.
    editors, _ = AuthGroup.objects.get_or_create(name="Editors")
    editors.permissions.set(
        Permission.objects.filter(content_type__app_label="tournaments").exclude(
            codename__in=["delete_season", "delete_department"]
        )
    )
    monkeypatch.setenv("EDITOR_PASSWORD", "goles-de-oro-2008")
    call_command("create_editor", "lucia", "--password-from-env", "EDITOR_PASSWORD", verbosity=0)
    contexts = []

    def open_page(viewport):
        context = browser.new_context(viewport=viewport, timezone_id="Europe/Madrid")
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{live_seasons.url}/admin/login/")
        page.fill("#id_username", "lucia")
        page.fill("#id_password", "goles-de-oro-2008")
        page.click("input[type=submit]")
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_an_editor_types_a_groups_results_in_the_grid(editor_page, live_seasons, viewport):
    group = Group.objects.get(season__year=2008, name="Final group stage")
    page = editor_page(viewport)
    page.goto(f"{live_seasons.url}/admin/tournaments/group/{group.pk}/change/")
    page.click("text=Results grid")
    page.wait_for_selector("#results")
    assert page.locator("#results tbody tr").count() == group.matches.count()
    assert page.locator(".timezonewarning").count() == 0, "a calendar date has no time zone to warn about"
    assert horizontal_overflow(page) == 0, "the table scrolls inside its own box; the page does not"
    save_screenshot(page, f"admin-results-grid-{viewport['width']}")

    first, dated = list(group.matches.order_by("round_number", "date", "order", "pk")[:2])
    page.locator(f"#match-{first.pk} input[name$='-home_score']").fill("4")
    page.locator(f"#match-{dated.pk} input[name$='-date']").fill("2009-12-07")
    page.click("input[name=_save]")
    errors = page.locator(f"#match-{dated.pk}-errors")
    assert "The date 2009-12-07 is outside the 2008 season." in errors.inner_text()
    assert Match.objects.get(pk=first.pk).home_score != 4, "nothing is saved while a row is wrong"
    message = errors.locator(".row-error-text").bounding_box()
    assert message["x"] + message["width"] <= viewport["width"], "the message is in view, not scrolled away"
    assert horizontal_overflow(page) == 0
    save_screenshot(page, f"admin-results-grid-error-{viewport['width']}")

    new_date = datetime.date(2008, 12, 6 if dated.date == datetime.date(2008, 12, 7) else 7)
    page.locator(f"#match-{dated.pk} input[name$='-date']").fill(new_date.isoformat())
    page.click("input[name=_save]")
    assert "2 matches were saved." in page.locator(".messagelist").inner_text()
    assert Match.objects.get(pk=first.pk).home_score == 4
    assert Match.objects.get(pk=dated.pk).date == new_date


def test_the_tie_page_and_the_match_list_fit_1280_px(editor_page, live_seasons):
    page = editor_page(DESKTOP)
    tie = Tie.objects.get(round__season__year=2008, round__region__number=4)
    page.goto(f"{live_seasons.url}/admin/tournaments/tie/{tie.pk}/change/")
    save_screenshot(page, "admin-tie-1280")
    assert horizontal_overflow(page) == 0
    assert page.locator(".timezonewarning").count() == 0

    page.goto(f"{live_seasons.url}/admin/tournaments/match/")
    save_screenshot(page, "admin-match-list-1280")
    assert horizontal_overflow(page) == 0
    table = page.locator("#result_list").bounding_box()
    changelist = page.locator("#changelist .changelist-form-container").bounding_box()
    assert table["x"] + table["width"] <= changelist["x"] + changelist["width"] + 1, "every column is on screen"

"""In a real browser: an editor cites a source on a season's page by picking it from the autocomplete list."""

import pytest
from django.contrib.auth.models import Group, Permission, User

from tournaments.models import Citation, FactVersion, Season, Source

from .conftest import DESKTOP, PHONE, horizontal_overflow, save_screenshot

pytestmark = pytest.mark.browser


def test_an_editor_picks_a_source_for_the_season_from_the_autocomplete(live_seasons, page):
    season = Season.objects.get(year=2008)
    # Made-up publications that the shipped archive (which cites Wikipedia, RSSSF and others) cannot already hold.
    gazette = Source.objects.create(
        publisher="Test Gazette",
        title="2008 Copa Perú",
        url="https://gazette.example/copa-peru-2008",
        language="en",
        licence="CC BY-SA 4.0",
    )
    almanac = Source.objects.create(
        publisher="Test Almanac", title="Peru - List of Champions", url="https://almanac.example/"
    )
    general = Citation.objects.filter(season=season, fact="", region=None, stage=None).order_by("order")
    shipped = [(citation.source, citation.order) for citation in general]
    number = (shipped[-1][1] if shipped else 0) + 1  # the next number in the season's Sources section
    Citation.objects.create(source=gazette, season=season, order=number)
    Citation.objects.create(source=gazette, season=season, fact="champion", detail="infobox", order=0)
    version = FactVersion.objects.create(season=season, fact="champion", name="Sport Ancash", team=season.champion)
    version.sources.add(gazette)
    # Transactional tests before this one flushed the group migrations 0003 and 0008 made; make it as they do.
    editors, created = Group.objects.get_or_create(name="Editors")
    if created:
        permissions = Permission.objects.filter(content_type__app_label="tournaments")
        editors.permissions.set(permissions.exclude(codename__in=["delete_season", "delete_department"]))
    user = User.objects.create_user("lucia", password="goles-de-oro-2008", is_staff=True)
    user.groups.add(editors)

    page.goto(f"{live_seasons.url}/admin/login/?next=/admin/tournaments/season/{season.pk}/change/")
    page.fill("#id_username", "lucia")
    page.fill("#id_password", "goles-de-oro-2008")
    page.click("input[type=submit]")
    page.wait_for_selector("#citations-group")

    page.locator("#citations-group .add-row a").click()
    page.locator("#citations-group tr.dynamic-citations .select2-selection").last.click()
    page.keyboard.type("almanac")
    page.locator(".select2-results__option", has_text="Test Almanac: Peru - List of Champions").click()
    page.locator("#citations-group tr.dynamic-citations input[name$='-order']").last.fill(str(number + 1))
    save_screenshot(page, "admin-season-sources-1280")
    assert horizontal_overflow(page) == 0, "the season page with its sources fits 1,280 px"
    page.set_viewport_size(PHONE)
    save_screenshot(page, "admin-season-sources-375")
    page.set_viewport_size(DESKTOP)

    page.click("input[name=_continue]")
    assert "was changed successfully" in page.locator(".messagelist").inner_text()
    assert [(citation.source, citation.order) for citation in general.all()] == [
        *shipped,
        (gazette, number),
        (almanac, number + 1),
    ]

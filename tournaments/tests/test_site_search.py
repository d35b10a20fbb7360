"""Search finds seasons, teams, departments and towns, grouped by kind, with or without accents and capitals."""

import pytest

from .page_helpers import page, section, text

pytestmark = pytest.mark.usefixtures("shipped_seasons")


def group(client, query, kind):
    return section(page(client, f"/search/?q={query}"), f"results-{kind}")


@pytest.mark.parametrize("query", ["Junín", "junin", "JUNIN", "Jun%C3%ADn"])
def test_a_department_is_found_with_or_without_accents(client, query):
    assert 'href="/departments/junin/"' in group(client, query, "departments")


def test_lima_finds_the_department_and_the_clubs_with_lima_in_their_name(client):
    body = page(client, "/search/?q=lima")
    assert 'href="/departments/lima/"' in section(body, "results-departments")
    towns = text(section(body, "results-locations"))
    assert "Lima" in towns


def test_a_town_is_found_with_its_department_and_its_teams(client):
    towns = group(client, "talara", "locations")
    assert "Talara, " in text(towns)
    assert 'href="/departments/piura/"' in towns
    assert 'href="/teams/' in towns


def test_a_year_finds_the_season_in_its_own_group(client):
    assert 'href="/seasons/1998/"' in group(client, "copa peru 1998", "seasons")


def test_teams_are_grouped_apart_from_departments(client):
    body = page(client, "/search/?q=huancayo")
    assert 'href="/teams/sport-huancayo/"' in section(body, "results-teams")
    assert "results-departments" not in body
    assert "Huancayo, " in text(section(body, "results-locations"))


def test_a_club_is_found_by_another_name_and_the_result_says_which(client):
    teams = group(client, "agostinos", "teams")
    assert 'href="/teams/hungaritos-agustinos/"' in teams
    assert "Hungaritos Agustinos (also written as Hungaritos Agostinos)" in text(teams)
    # Found by its own name, a club needs no other name beside it.
    assert "also written as" not in text(group(client, "hungaritos", "teams"))
    assert 'href="/teams/deportivo-upao/"' in group(client, "u.p.a.o", "teams")

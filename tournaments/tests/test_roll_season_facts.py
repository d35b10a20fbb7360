"""A season known only from the roll of champions shows no fact that no source gives: no points rule (the model's
default of 3 points for a win is not a fact of 1967). A season whose group results the archive holds shows it."""

import re

import pytest

from tournaments.models import FactVersion, Season, Team

from .page_helpers import page, section, text

pytestmark = pytest.mark.usefixtures("shipped_seasons")


@pytest.mark.parametrize("url", ["/seasons/1967/", "/seasons/1990/", "/seasons/1974/", "/es/temporadas/1967/"])
def test_a_season_without_results_shows_no_points_rule(client, url):
    facts = text(section(page(client, url), "infobox"))
    assert "Points for a win" not in facts and "Puntos por victoria" not in facts


def test_a_season_with_group_results_shows_its_points_rule(client):
    assert "Points for a win 3" in " ".join(text(section(page(client, "/seasons/2008/"), "infobox")).split())


def test_the_sitemap_lists_no_stage_pages_of_a_year_not_held(client):
    listed = page(client, "/sitemap.xml")
    for year in (1988, 1990, 1992, 2020):
        assert f"/seasons/{year}/<" in listed and f"/es/temporadas/{year}/<" in listed
        for stage in ("departmental", "regional", "national", "departamental", "nacional"):
            assert f"/{year}/{stage}/" not in listed, (year, stage)
    assert "/seasons/1974/national/" in listed and "/seasons/2008/regional/" in listed


@pytest.mark.parametrize(
    "year, words",
    [
        (1990, "The sources agree the Copa Perú was not held in 1990."),
        (2020, "the Copa Perú was not held in 2020."),
        (1974, "Copa Perú had no national final."),
    ],
)
def test_the_confidence_of_a_season_without_a_final_is_about_its_status(client, year, words):
    facts = " ".join(text(section(page(client, f"/seasons/{year}/"), "infobox")).split())
    assert words in facts
    assert "champion and the runner-up" not in facts


@pytest.mark.parametrize(
    "year, sentence, description",
    [
        (1990, "The Copa Perú was not held in 1990.", "Copa Perú 1990: the competition was not held that year"),
        (1974, "The 1974 Copa Perú was held with no national final", "Copa Perú 1974: held with no national final"),
    ],
)
def test_a_season_without_a_final_says_its_status_once_and_its_description_says_it(client, year, sentence, description):
    body = page(client, f"/seasons/{year}/")
    assert " ".join(text(body).split()).count(sentence) == 1
    meta = re.search(r'<meta name="description" content="([^"]*)"', body).group(1)
    assert meta.startswith(description) and "champion not recorded" not in meta


@pytest.mark.parametrize(
    "url",
    [
        "/seasons/1990/national/",
        "/seasons/1990/regional/",
        "/seasons/1990/departmental/",
        "/es/temporadas/2020/nacional/",
    ],
)
def test_a_stage_page_of_a_year_not_held_says_it_was_not_held(client, url):
    words = " ".join(text(page(client, url)).split())
    year = re.search(r"/(\d{4})/", url).group(1)
    assert f"was not held in {year}." in words or f"no se disputó en {year}" in words
    assert not re.search(r"Results not recorded|Not recorded: the archive holds no|no registrad[oa]s?:", words)


def test_a_stage_page_of_a_held_season_without_results_still_says_they_are_not_recorded(client):
    assert "Results not recorded" in text(page(client, "/seasons/1967/national/"))


def test_a_team_named_champion_of_several_years_reads_one_sentence(client):
    bolognesi = Team.objects.get(name="Coronel Bolognesi")
    # 2001 already has a version naming the club: one naming it otherwise ("Bolognesi") must not repeat the year.
    for year, name in ((1985, bolognesi.name), (2001, "Bolognesi")):
        season = Season.objects.get(year=year)
        FactVersion.objects.create(season=season, fact="champion", name=name, team=bolognesi, order=9)
    words = " ".join(text(page(client, "/teams/coronel-bolognesi/")).split())
    assert words.count("Named champion of") == 1, words
    assert "Named champion of 1985, 2001 by some sources; disputed each year." in words


def test_the_season_page_and_the_roll_name_the_same_next_part_for_a_season_with_no_final(client):
    season_page = " ".join(text(page(client, "/seasons/1974/")).split())
    assert "Next for an editor: the regions" in season_page
    assert "Next for an editor: the national stage" not in season_page
    roll = " ".join(text(page(client, "/seasons/")).split())
    assert "Next to add: the regional stage" in roll

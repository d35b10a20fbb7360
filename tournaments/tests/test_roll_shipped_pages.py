"""The roll of champions' seasons as a fan opens them on the shipped data: what a season with only its facts, one
not held and the roll's CSV say."""

import pytest

from .page_helpers import csv_table, page, section, text

pytestmark = pytest.mark.usefixtures("shipped_seasons")


def infobox(client, year):
    return text(section(page(client, f"/seasons/{year}/"), "infobox"))


def test_a_stated_runner_up_with_no_quoted_words_says_who_states_it(client):
    for year, runner_up in ((1969, "Melgar"), (1997, "Deportivo UPAO")):
        words = infobox(client, year)
        assert runner_up in words and "(stated by the sources cited)" in words, year
        assert 'says: ""' not in words, year


def test_the_confidence_of_a_season_without_a_final_speaks_of_how_it_ended_not_of_a_champion(client):
    for year, sentence in (
        (1974, "The sources agree the 1974 Copa Perú had no national final."),
        (1990, "The sources agree the Copa Perú was not held in 1990."),
    ):
        words = infobox(client, year)
        assert sentence in words, year
        assert "champion and the runner-up" not in words, year


def test_a_season_not_held_offers_no_stage_pages_and_no_points_for_a_win(client):
    body = page(client, "/seasons/1990/")
    assert 'id="stages"' not in body
    assert "/seasons/1990/national/" not in body
    assert "Points for a win" not in text(section(body, "infobox"))
    assert 'id="stages"' in page(client, "/seasons/1974/")  # played, with no national final


def test_the_roll_csv_names_the_promoted_teams_without_the_page_s_links(client):
    rows = csv_table(client.get("/seasons/?_export=csv&table=seasons"))
    header, by_year = rows[0], {row[0]: row for row in rows[1:]}
    promoted = header.index("Promoted")
    assert by_year["2008"][promoted] == "Sport Huancayo; CNI"
    assert by_year["1990"][promoted] == ""  # not held: nobody was promoted, and the cell says nothing
    assert not any("<" in cell for row in rows for cell in row)

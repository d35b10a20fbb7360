"""The roll of champions as a fan reads it: /seasons/ and the home page list every season 1967-2025 with its status,
champion, runner-up (marked when derived), confidence and how complete its data is; a team page gives its titles
and finals. Built from factories.create_roll_of_champions (the CSV's facts), not from the shipped content."""

import re

import pytest

from tournaments.models import FactVersion, SeasonFact, Team

from .factories import create_roll_of_champions
from .page_helpers import csv_rows, page, section, table_rows, text

ALL_YEARS = list(range(2025, 1966, -1))


@pytest.fixture
def roll(db):
    return create_roll_of_champions()


def rows_by_year(html, table_id):
    return {int(row[0]): row for row in table_rows(section(html, table_id))}


def row_html(html, year):
    """The HTML of the table row whose first cell links season ``year``."""
    return next(row for row in re.findall(r"<tr[^>]*>.*?</tr>", html, re.S) if f'href="/seasons/{year}/"' in row)


def test_the_season_list_shows_every_season_latest_first_on_one_page(client, roll):
    body = page(client, "/seasons/")
    years = [int(row[0]) for row in table_rows(section(body, "seasons"))]
    assert years == ALL_YEARS
    assert len(years) == 59
    assert 'class="pagination"' not in body
    # Links to the old pages keep answering as before: page 1 is the list, any other page a 404.
    assert [int(row[0]) for row in table_rows(section(page(client, "/seasons/?page=1"), "seasons"))] == ALL_YEARS
    page(client, "/seasons/?page=2", status=404)


def test_a_season_not_held_or_with_no_final_says_so_and_names_no_champion(client, roll):
    body = page(client, "/seasons/")
    rows = rows_by_year(body, "seasons")
    for year in (1988, 1989, 1990, 1991, 1992, 2020):
        assert rows[year][1:3] == ["Not held", "—"], year
        assert rows[year][4:] == ["—", "Not held: nothing to record."]
        assert "/teams/" not in row_html(body, year)
    assert rows[1974][1:3] == ["No national final", "—"]
    assert "/teams/" not in row_html(body, 1974)


def test_a_runner_up_no_source_names_in_words_is_marked_derived(client, roll):
    rows = rows_by_year(page(client, "/seasons/"), "seasons")
    assert rows[1975][2] == "Sportivo Huracán derived from the source's table"
    assert rows[1994][2] == "Aurora derived from the source's table"
    assert rows[1970][2] == "Melgar"  # stated by a source: no mark
    assert rows[1968][2] == "not recorded"


def test_the_season_page_says_how_its_runner_up_is_known_for_each_basis(client, roll):
    """A runner-up second in the source's published table is derived from that table, not from results the
    archive does not hold; a stated one carries no mark."""
    from_table = text(section(page(client, "/seasons/1967/"), "infobox"))
    assert "Octavio Espinosa" in from_table
    assert "(2nd in the final table the source published) derived from that table" in from_table
    assert "derived from the results" not in from_table
    stated = text(section(page(client, "/seasons/1970/"), "infobox"))
    assert "Melgar" in stated and "derived" not in stated


def test_a_disputed_champion_is_marked_and_links_to_the_versions(client, roll):
    body = page(client, "/seasons/")
    rows = rows_by_year(body, "seasons")
    assert rows[2001][1] == "Sport Bolito disputed: see each source's version"
    assert rows[2001][3] == "! Disputed"
    assert 'href="/seasons/2001/#infobox"' in row_html(body, 2001)
    assert "disputed" not in rows[2000][1]


def test_the_confidence_of_each_season_is_marked_and_explained(client, roll):
    body = page(client, "/seasons/")
    rows = rows_by_year(body, "seasons")
    assert rows[1970][3] == "✓ Confirmed"
    assert rows[1969][3] == "1 Single source"
    legend = text(section(body, "confidence-legend"))
    for words in (
        "✓ Confirmed two independent sources agree",
        "1 Single source the champion or the runner-up rests on one source.",
        "! Disputed the sources disagree; the season's page shows each version.",
        "? Not assessed",
    ):
        assert words in legend


def test_a_season_with_only_its_facts_says_so_and_what_an_editor_would_add_next(client, roll):
    rows = rows_by_year(page(client, "/seasons/"), "seasons")
    assert rows[1970][5] == "Only the champion and runner-up are recorded. Next to add: the national stage's results."
    assert rows[1968][5] == "Only the champion is recorded. Next to add: the runner-up and the national stage."
    assert rows[1974][5] == "Only whether it was played is recorded. Next to add: the regional stage."


def test_the_home_page_rolls_every_year_the_same_way(client, roll):
    body = page(client, "/")
    home = table_rows(section(body, "champions"))
    seasons = table_rows(section(page(client, "/seasons/"), "seasons"))
    assert [int(row[0]) for row in home] == ALL_YEARS
    assert [row[:4] for row in home] == [row[:4] for row in seasons]
    assert "Confirmed" in text(section(body, "confidence-legend"))
    assert "Latest season: 2025" in text(section(body, "latest"))


def test_the_home_page_latest_season_says_when_it_was_not_held(client, db):
    create_roll_of_champions(years={2019, 2020})
    latest = text(section(page(client, "/"), "latest"))
    assert "Status Not held" in latest and "Champion" not in latest


def test_the_csv_and_xlsx_carry_the_status_basis_and_confidence(client, roll):
    rows = csv_rows(client.get("/seasons/?_export=csv&table=seasons"))
    header, by_year = rows[0], {int(row[0]): row for row in rows[1:]}
    assert header[:-1] == [
        "Season",
        "Champion",
        "Runner-up",
        "Confidence",
        "Promoted",
        "Data recorded",
        "Status",
        "Runner-up basis",
    ]
    assert header[-1] == "Sources"  # named by publisher and title (test_export_plain_text)
    assert len(by_year) == 59
    assert by_year[1990][:4] == ["1990", "", "", "Confirmed"]
    assert by_year[1990][6] == "Not held"
    assert by_year[1974][6] == "Held, with no national final"
    assert by_year[1975][1:4] == ["Atlético Torino", "Sportivo Huracán", "Confirmed"]
    assert by_year[1975][6:8] == ["Champion decided", "From the source's final table"]
    assert by_year[1970][7] == "Stated by the source"
    assert by_year[2001][3] == "Disputed"
    home = csv_rows(client.get("/?_export=csv&table=champions"))
    assert home[0] == ["Season", "Champion", "Runner-up", "Confidence", "Status", "Runner-up basis", "Sources"]
    assert len(home) == 60
    xlsx = client.get("/seasons/?_export=xlsx&table=seasons")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def honours(client, slug):
    return section(page(client, f"/teams/{slug}/"), "honours")


def test_a_team_page_gives_its_titles_with_each_year_linked(client, roll):
    html = honours(client, "atletico-torino")
    assert "Copa Perú champions 1970, 1975, 1977, 1982, 1994" in text(html)
    for year in (1970, 1975, 1977, 1982, 1994):
        assert f'<a href="/seasons/{year}/">{year}</a>' in html
    # The seasons it won are in its season-by-season table too, though the archive holds only their facts.
    seasons = {row[0]: row for row in table_rows(section(page(client, "/teams/atletico-torino/"), "seasons"))}
    assert seasons["1970"][3] == "Champion"


def test_a_team_page_gives_its_finals_marked_derived_where_they_are(client, roll):
    assert "Runner-up 1969, 1970" in text(honours(client, "melgar"))
    assert "Copa Perú champions 1971" in text(honours(client, "melgar"))
    assert "Runner-up 1993 (derived), 1994 (derived)" in text(honours(client, "aurora"))
    seasons = {row[0]: row[3] for row in table_rows(section(page(client, "/teams/aurora/"), "seasons"))}
    assert seasons == {
        "1994": "Runner-up (derived from the source's table)",
        "1993": "Runner-up (derived from the source's table)",
    }
    assert table_rows(section(page(client, "/teams/melgar/"), "seasons"))[-1][3] == "Runner-up"  # 1969, stated


def test_a_team_named_champion_by_some_sources_only_says_so(client, roll):
    bolognesi = text(honours(client, "coronel-bolognesi"))
    assert "Copa Perú champions 1976" in bolognesi
    assert "Runner-up 1998, 2000" in bolognesi
    assert "Named champion of 2001 by some sources; disputed." in bolognesi
    assert "Copa Perú champions 2001 (disputed)" in text(honours(client, "sport-bolito"))


def test_the_team_directory_counts_titles(client, roll):
    rows = {row[0]: row for row in table_rows(section(page(client, "/teams/"), "teams"))}
    assert rows["Atlético Torino"][3] == "5"
    assert rows["Aurora"][3] == "0"


@pytest.mark.parametrize("year", [1974, 1990])
def test_a_season_with_no_final_or_not_held_breaks_no_page(client, roll, year):
    for url in ("", "departmental/", "regional/", "national/"):
        page(client, f"/seasons/{year}/{url}")
    assert f"/seasons/{year}/" in page(client, "/sitemap.xml")
    assert f'href="/seasons/{year}/"' in page(client, f"/search/?q={year}")
    # The neighbouring seasons link to it, and it to them.
    assert f'href="/seasons/{year - 1}/" rel="prev"' in page(client, f"/seasons/{year}/")
    assert f'href="/seasons/{year}/" rel="next"' in page(client, f"/seasons/{year - 1}/")


def test_the_cached_roll_shows_a_new_version_of_a_fact_on_the_next_request(client, roll, django_assert_num_queries):
    first = page(client, "/seasons/")
    with django_assert_num_queries(0):
        assert page(client, "/seasons/") == first
    melgar, other = Team.objects.get(name="Melgar"), Team.objects.get(name="Unión Tumán")
    FactVersion.objects.create(season=roll[1969], fact=SeasonFact.RUNNER_UP, name="Melgar", team=melgar)
    FactVersion.objects.create(season=roll[1969], fact=SeasonFact.RUNNER_UP, name="Unión Tumán", team=other, order=1)
    rows = rows_by_year(page(client, "/seasons/"), "seasons")
    assert rows[1969][2] == "Melgar disputed: see each source's version"
    assert "Named runner-up of 1969 by some sources; disputed." in text(honours(client, "union-tuman"))

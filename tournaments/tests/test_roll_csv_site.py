"""Every row of the roll of champions (seeds/champions.csv) as a fan reads it on the site: /seasons/ lists the year
with its champion or its status, and the season's page shows the champion, the runner-up, how sure the sources are
and every source of the row. The shipped archive is built from seeds/roll/*.txt and the two seed articles."""

import csv
import re
from pathlib import Path

import pytest
from django.conf import settings

from tournaments.models import Season, Team
from tournaments.text import fold

from .page_helpers import page, section, table_rows, text

pytestmark = pytest.mark.usefixtures("shipped_seasons")

CSV_PATH = Path(settings.SEED_ARTICLES_DIR) / "champions.csv"
ROWS = list(csv.DictReader(CSV_PATH.open(encoding="utf-8")))
STATUS_WORDS = {"no_final": "no national final", "not_held": "not held"}
# The seed articles win for their seasons and carry no confidence (test_seed_integrity lists every difference).


def row_id(row):
    return row["year"]


def sources_of(row):
    """(publisher, title) of each source of a row, Wikipedia's language edition dropped from the publisher:
    "Wikipedia (sv): Copa Perú <https://...>" is Wikipedia's "Copa Perú"."""
    found = re.findall(r"\s*(.+?): (.+?) (?:<[^>]+>|\(address not recorded\))(?:;|$)", row["sources"])
    return [(re.sub(r"^Wikipedia \(\w\w\)$", "Wikipedia", publisher), title) for publisher, title in found]


def names_for(csv_name):
    """The names under which the site may show the club the CSV names: that name, or the name of the archive's
    club it is another spelling of (same letters once accents, case and dots are set aside, or a recorded alias)."""
    key = fold(csv_name)
    clubs = Team.objects.filter(search_name=key) | Team.objects.filter(aliases__search_name=key)
    return {csv_name, *clubs.values_list("name", flat=True)}


def shows(words, csv_name):
    return any(name in words for name in names_for(csv_name))


def test_the_csv_covers_every_year_once():
    assert [int(row["year"]) for row in ROWS] == list(range(1967, 2026))


@pytest.mark.parametrize("row", ROWS, ids=row_id)
def test_the_season_list_gives_the_year_with_its_champion_or_status(client, row):
    found = [cells for cells in table_rows(section(page(client, "/seasons/"), "seasons")) if cells[0] == row["year"]]
    assert len(found) == 1, f"{row['year']} is listed once on /seasons/"
    words = " ".join(found[0])
    if row["status"] == "final":
        assert shows(words, row["champion"]), (row["champion"], words)
    else:
        assert STATUS_WORDS[row["status"]] in words.lower(), words
    if row["runner_up"]:
        assert shows(words, row["runner_up"]), (row["runner_up"], words)


@pytest.mark.parametrize("row", ROWS, ids=row_id)
def test_the_season_page_gives_champion_runner_up_confidence_and_sources(client, row):
    body = page(client, f"/seasons/{row['year']}/")
    infobox = text(section(body, "infobox"))
    season = Season.objects.get(year=row["year"])
    if row["status"] == "final":
        assert shows(infobox, row["champion"]), (row["champion"], infobox)
    else:
        assert season.champion is None
        assert STATUS_WORDS[row["status"]] in text(body).lower()
    if row["runner_up"]:
        assert shows(infobox, row["runner_up"]), (row["runner_up"], infobox)
    elif row["status"] == "final":
        assert "Runner-up not recorded" in infobox
    confidence = str(Season.Confidence(row["confidence"]).label).lower()
    assert season.confidence == row["confidence"]
    assert confidence in infobox.lower()
    sources = text(section(body, "sources"))
    for publisher, title in sources_of(row):
        assert publisher in sources and title in sources, (publisher, title)


def test_a_disputed_champion_shows_every_version(client):
    infobox = text(section(page(client, "/seasons/2001/"), "infobox"))
    for name in ["Sport Bolito", "Deportivo Bolito", "Bolito", "Coronel Bolognesi"]:
        assert name in infobox


def test_every_csv_club_is_one_club_of_the_archive():
    """A name the CSV writes is exactly one team: an archive club of that name or spelling, never a second one."""
    for row in ROWS:
        for name in (row["champion"], row["runner_up"]):
            if name:
                key = fold(name)
                clubs = Team.objects.filter(search_name=key) | Team.objects.filter(aliases__search_name=key)
                assert clubs.distinct().count() == 1, (row["year"], name)


@pytest.mark.parametrize(
    "csv_name, club",
    [
        ("UPAO", "Deportivo UPAO"),
        ("U.P.A.O.", "Deportivo UPAO"),
        ("Hungaritos Agostinos", "Hungaritos Agustinos"),
        ("Asociación Deportiva (Tarma)", "ADT"),
        ("Sport Áncash", "Sport Ancash"),
        ("Pirata", "Molinos El Pirata"),
        ("Alianza Porvenir de Unicachi", "Alianza Unicachi"),
    ],
)
def test_another_spelling_names_the_archives_club(csv_name, club):
    key = fold(csv_name)
    clubs = Team.objects.filter(search_name=key) | Team.objects.filter(aliases__search_name=key)
    assert list(clubs.distinct().values_list("name", flat=True)) == [club]


def test_no_two_teams_share_a_name_or_another_teams_alias():
    """Folded names (accents, case and dots aside) are one team each, and no alias of a team is another's name."""
    teams = {team.pk: fold(team.name) for team in Team.objects.all()}
    assert len(set(teams.values())) == len(teams)
    owner = {key: pk for pk, key in teams.items()}
    for team in Team.objects.prefetch_related("aliases"):
        for alias in team.aliases.all():
            assert owner.get(fold(alias.name), team.pk) == team.pk, (alias.name, team.name)


@pytest.mark.parametrize(
    "first, second",
    [
        ("Alfonso Ugarte de Chiclín", "Alfonso Ugarte"),
        ("Aurich–Cañaña", "Juan Aurich"),
        ("Aurich–Cañaña", "Deportivo Cañaña"),
        ("Real Garcilaso", "Deportivo Garcilaso"),
        ("Sport Bolito", "Coronel Bolognesi"),
    ],
)
def test_clubs_no_source_identifies_stay_apart(first, second):
    assert Team.objects.get(name=first) != Team.objects.get(name=second)

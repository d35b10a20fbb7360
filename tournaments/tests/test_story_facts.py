"""Pages tell only what the sources state: promoted teams, a runner-up without a champion, how a tie was broken.

Each case is an invented season imported from a small article in the seed format, read through the pages.
"""

import io

import pytest
from django.core.management import call_command

from .page_helpers import page, section, table_rows, text

pytestmark = pytest.mark.django_db

# Says nothing about promotion; a regional group whose two leaders a playoff separated.
SEASON_1989 = """= 1989 Copa Perú =

Infobox
- Competition: Copa Perú
- Season: 1989
- Winners: Club Prueba 01
- Prevseason: 1988
- Nextseason: 1990

An invented season for the story tests.

==Regional Stage==
===Region IV===
Region IV includes qualified teams from Lima.

====Group C====
Club Prueba 01 1-1 Club Prueba 02
Club Prueba 01 1-0 Club Prueba 03
Club Prueba 02 1-0 Club Prueba 03

=====Tiebreaker=====
1989-11-01
Club Prueba 02 2-1 Club Prueba 01

==National Stage==
===Final===
1989-12-10
Club Prueba 01 2-0 Club Prueba 04
"""

# No Winners line; a national final group whose table would name a winner.
SEASON_1970 = """= 1970 Copa Perú =

Infobox
- Competition: Copa Perú
- Season: 1970
- Prevseason: 1969
- Nextseason: 1971

An invented season for the story tests.

==National Stage==
===Final Group===
1970-11-01
Club Prueba 01 2-0 Club Prueba 02
Club Prueba 03 1-0 Club Prueba 02
Club Prueba 01 3-0 Club Prueba 03
"""


def imported(tmp_path, article, year):
    path = tmp_path / f"season_{year}.txt"
    path.write_text(article, encoding="utf-8")
    call_command("import_season", str(path), stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture
def season_1989(tmp_path):
    imported(tmp_path, SEASON_1989, 1989)


@pytest.fixture
def season_1970(tmp_path):
    imported(tmp_path, SEASON_1970, 1970)


def test_a_season_that_says_nothing_about_promotion_names_no_promoted_team(client, season_1989):
    infobox = text(section(page(client, "/seasons/1989/"), "infobox"))
    assert "Champion Club Prueba 01" in infobox
    assert "Promoted not recorded" in infobox
    row = table_rows(section(page(client, "/seasons/"), "seasons"))[0]
    assert row[:2] == ["1989", "Club Prueba 01"]
    assert "Club Prueba 01" not in row[4]  # the promoted column


def test_no_runner_up_is_derived_when_the_champion_is_not_recorded(client, season_1970):
    infobox = text(section(page(client, "/seasons/1970/"), "infobox"))
    assert "Champion not recorded" in infobox
    assert "Runner-up not recorded" in infobox
    assert "derived" not in infobox
    row = table_rows(section(page(client, "/seasons/"), "seasons"))[0]
    assert "Club Prueba 03" not in row
    assert "Runner-up" not in text(section(page(client, "/teams/club-prueba-03/"), "seasons"))


def test_a_tie_a_playoff_broke_says_by_playoff(client, season_1989):
    body = text(page(client, "/seasons/1989/regional/iv/"))
    assert "Club Prueba 02 ahead of Club Prueba 01 by playoff" in body
    assert "drawing of lots" not in body


def test_the_team_page_says_which_group_a_tiebreaker_settled(client, season_1989):
    matches = text(section(page(client, "/teams/club-prueba-02/"), "matches"))
    assert "Tiebreaker for Group C (Region IV): won" in matches


def test_the_engine_tells_a_playoff_from_a_drawing_of_lots():
    from tournaments.presentation.results import tiebreak_reason
    from tournaments.rules.standings import LOTS, Result, standings

    dead_heat = [Result("A", "B", 1, 1), Result("B", "C", 1, 1), Result("C", "A", 1, 1)]
    by_lots = standings(["A", "B", "C"], dead_heat, tiebreak_decisions=["B", "A"])
    by_playoff = standings(["A", "B", "C"], dead_heat, playoff_results=[("B", "A")])
    assert [(row.team, row.decided_by) for row in by_lots][:2] == [("B", ""), ("A", LOTS)]
    assert [(row.team, row.decided_by) for row in by_playoff][:2] == [("B", ""), ("A", "playoff")]
    assert tiebreak_reason("B", "A", LOTS) == "B ahead of A by drawing of lots"
    assert tiebreak_reason("B", "A", "playoff") == "B ahead of A by playoff"

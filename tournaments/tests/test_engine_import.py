"""Rulings read from an article's words (issue 10, items 9 and 10): walkovers count, withdrawals strike results out,
and words that fit two readings are reported and read the safe way. Checked on the region page a reader sees."""

import pytest

from tournaments.models import Group, Match, MatchStatus
from tournaments.tests import test_import as articles
from tournaments.tests.page_helpers import page, section, table_rows, text

pytestmark = pytest.mark.django_db

GROUP = """\
    ====Group A====
    Unión Huaral 2-0 Defensor Lima
    Defensor Lima 1-1 Atlético Chalaco
    Unión Huaral {last} Atlético Chalaco

    Note: {note}
"""
REGION_PAGE = "/seasons/1990/regional/iv/"


def import_group(last, note):
    return articles.run(articles.REGION_IV + GROUP.format(last=last, note=note))


def standings(client):
    # Columns: #, Team, P, W, D, L, GF, GA, GD, Pts, Qualification.
    return [(row[0], row[1], row[9]) for row in table_rows(section(page(client, REGION_PAGE), "group-a"))]


WALKOVER = "Unión Huaral did not play its match against Atlético Chalaco, who were awarded a 3-0 win by the FPF."


@pytest.mark.parametrize("last", ["0-3", "v"])
def test_a_walkover_is_an_awarded_result_that_counts_in_the_table(client, last):
    import_group(last, WALKOVER)
    awarded = Match.objects.get(status=MatchStatus.AWARDED)
    # Written "0-3" or without a score, the award gives Chalaco (away) 3-0.
    assert (awarded.home_team.name, awarded.home_score, awarded.away_score, awarded.away_team.name) == (
        "Unión Huaral",
        0,
        3,
        "Atlético Chalaco",
    )
    # Chalaco: 1-1 and the awarded 3-0 = 4 pts. Huaral: 2-0 = 3 pts. Defensor Lima: 1-1 = 1 pt.
    assert standings(client) == [
        ("1", "Atlético Chalaco", "4"),
        ("2", "Unión Huaral", "3"),
        ("3", "Defensor Lima", "1"),
    ]
    body = text(section(page(client, REGION_PAGE), "group-a"))
    assert "Result awarded (decided by the FPF)" in body
    assert WALKOVER in body


def test_ambiguous_words_are_reported_and_read_as_a_plain_note_that_changes_no_result(client):
    report = import_group("1-0", "The match between Unión Huaral and Atlético Chalaco was suspended, then abandoned.")
    assert any(
        "test.txt:" in warning and "reads as abandoned and as suspended" in warning and "plain note" in warning
        for warning in report.warnings
    )
    # The listed 1-0 stands: Huaral 6 pts, Chalaco 1, Defensor Lima 1 (goals 1-3 against Chalaco's 1-2).
    assert standings(client) == [
        ("1", "Unión Huaral", "6"),
        ("2", "Atlético Chalaco", "1"),
        ("3", "Defensor Lima", "1"),
    ]


def test_a_withdrawal_note_strikes_the_teams_results_out_and_lists_it_at_the_foot(client):
    import_group("1-2", "Atlético Chalaco withdrew during the group; all its results were annulled.")
    # Only Huaral 2-0 Defensor Lima counts: Huaral 3, Defensor Lima 0; Chalaco (4 pts on the pitch) has no place.
    assert standings(client) == [
        ("1", "Unión Huaral", "3"),
        ("2", "Defensor Lima", "0"),
        ("—", "Atlético Chalaco", "0"),
    ]
    body = text(section(page(client, REGION_PAGE), "group-a"))
    assert body.count("Annulled: not counted in the table") == 2
    assert "Team withdrew" in body


def test_the_importer_refuses_penalties_on_a_group_match_by_the_models_rule():
    body = articles.REGION_IV + "    ====Group A====\n    Unión Huaral 1-1 Defensor Lima (4-3 pen.)\n"
    with pytest.raises(articles.ArticleError) as refused:
        articles.run(body)
    message = str(refused.value)
    assert message.startswith("test.txt:")
    assert "Group A is played as a round robin, where a drawn match stays a draw" in message
    assert not Match.objects.exists()


def test_a_re_import_keeps_the_shootouts_an_editor_recorded_on_a_group():
    body = articles.REGION_IV + "    ====Group A====\n    Unión Huaral 1-1 Defensor Lima\n"
    articles.run(body)
    Group.objects.filter(name="Group A").update(shootouts=True)
    # The article format cannot say a group had shoot-outs, so the editor's tick survives; then the shoot-out
    # itself is accepted.
    articles.run(body.replace("1-1 Defensor Lima", "1-1 Defensor Lima (4-3 pen.)"))
    match = Match.objects.get()
    assert Group.objects.get(name="Group A").shootouts
    assert (match.home_penalties, match.away_penalties) == (4, 3)

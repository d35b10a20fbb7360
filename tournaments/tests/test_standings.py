"""Tests for league tables: each tiebreak rule, rulings, per-season points and real Copa Perú groups."""

import doctest

import pytest

from tournaments.rules import standings as standings_module
from tournaments.rules.standings import (
    Result,
    StandingsRow,
    standings,
    validate_tiebreakers,
)

R = Result


def order(rows):
    return [row.team for row in rows]


def places(rows):
    return [(row.position, row.team, row.tied) for row in rows]


def row_of(rows, team):
    (row,) = [row for row in rows if row.team == team]
    return row


def above(rows, better, worse):
    return order(rows).index(better) < order(rows).index(worse)


# --- one test per tiebreak rule -------------------------------------------------------------


def test_points_put_the_winner_above_the_loser_whatever_the_input_order():
    rows = standings(["Melgar", "Cienciano"], [R("Melgar", "Cienciano", 0, 1)])
    assert places(rows) == [(1, "Cienciano", False), (2, "Melgar", False)]


# A and B are level on points.  A has the better goal difference (+2 against +1),
# B has scored more (4 against 2): which comes first depends on the order of the codes.
GD_VERSUS_GF = [R("A", "C", 2, 0), R("B", "D", 4, 3)]


def test_goal_difference_comes_before_goals_scored_by_default():
    rows = standings(["B", "A", "C", "D"], GD_VERSUS_GF)
    assert order(rows)[:2] == ["A", "B"]
    assert [row.tied for row in rows[:2]] == [False, False]


def test_goals_scored_decides_when_listed_before_goal_difference():
    rows = standings(["A", "B", "C", "D"], GD_VERSUS_GF, tiebreakers=["points", "goals_for", "goal_difference"])
    assert order(rows)[:2] == ["B", "A"]


def test_goals_scored_decides_teams_level_on_goal_difference():
    rows = standings(["A", "B", "C", "D"], [R("A", "C", 1, 0), R("B", "D", 4, 3)])
    assert places(rows)[:2] == [(1, "B", False), (2, "A", False)]


# A won one and lost one (3 points, GD -2); B drew three (3 points, GD 0).
WINS_VERSUS_DRAWS = [
    R("A", "C", 1, 0),
    R("D", "A", 3, 0),
    R("B", "E", 0, 0),
    R("B", "F", 0, 0),
    R("B", "C", 0, 0),
]


def test_wins_put_the_team_with_more_victories_first():
    teams = ["A", "B", "C", "D", "E", "F"]
    assert above(standings(teams, WINS_VERSUS_DRAWS), "B", "A")  # goal difference would favour B
    assert above(standings(teams, WINS_VERSUS_DRAWS, tiebreakers=["points", "wins"]), "A", "B")


def test_fewer_goals_conceded_is_better():
    # Both won by one goal; B scored more, A conceded fewer.
    results = [R("A", "C", 1, 0), R("B", "D", 2, 1)]
    teams = ["B", "A", "C", "D"]
    assert above(standings(teams, results), "B", "A")
    assert above(standings(teams, results, tiebreakers=["points", "goals_against"]), "A", "B")


def test_head_to_head_between_two_teams_beats_goal_difference():
    # A and B both won one and lost one; B's goal difference is better but A beat B.
    results = [R("A", "B", 1, 0), R("B", "C", 5, 0), R("D", "A", 1, 0), R("D", "B", 1, 0)]
    teams = ["A", "B", "C", "D"]
    assert order(standings(teams, results))[1:3] == ["B", "A"]
    rows = standings(teams, results, tiebreakers=["points", "head_to_head", "goal_difference"])
    assert places(rows) == [(1, "D", False), (2, "A", False), (3, "B", False), (4, "C", False)]


def test_head_to_head_among_three_separates_one_and_is_reapplied_to_the_other_two():
    # A, B and C all finish on 6 points.  In their mini-league each has 3 points and
    # goal difference 0, and A has scored 3 against 2 and 2, so A is first.  B and C
    # are then compared again using only their own match (B won 1-0), although C's
    # overall goal difference (+5) is better than B's (+1).
    results = [
        R("B", "C", 1, 0),
        R("A", "B", 2, 1),
        R("C", "A", 2, 1),
        R("A", "D", 1, 0),
        R("B", "D", 1, 0),
        R("C", "D", 5, 0),
    ]
    rows = standings(["D", "C", "B", "A"], results, tiebreakers=["points", "head_to_head", "goal_difference"])
    assert [row.points for row in rows] == [6, 6, 6, 0]
    assert places(rows) == [(1, "A", False), (2, "B", False), (3, "C", False), (4, "D", False)]


def test_head_to_head_that_separates_nobody_hands_over_to_the_next_code():
    # A and B drew 1-1, so their mutual match cannot split them; overall goal difference does.
    results = [R("A", "B", 1, 1), R("A", "C", 3, 0), R("B", "C", 1, 0)]
    rows = standings(["B", "A", "C"], results, tiebreakers=["points", "head_to_head", "goal_difference"])
    assert places(rows) == [(1, "A", False), (2, "B", False), (3, "C", False)]


def test_head_to_head_between_teams_that_never_met_hands_over_to_the_next_code():
    results = [R("A", "C", 3, 0), R("B", "D", 1, 0)]
    rows = standings(["B", "A", "C", "D"], results, tiebreakers=["points", "head_to_head", "goals_for"])
    assert order(rows)[:2] == ["A", "B"]
    assert not rows[0].tied


# A and B cannot be separated by any default code; C is third, not second.
DEAD_HEAT = [R("A", "C", 2, 0), R("B", "C", 2, 0), R("A", "B", 1, 1)]


def test_unbreakable_tie_shares_the_position_and_is_flagged():
    rows = standings(["C", "B", "A"], DEAD_HEAT)
    assert places(rows) == [(1, "A", True), (1, "B", True), (3, "C", False)]


def test_unbreakable_tie_is_listed_alphabetically_not_in_input_order():
    forwards = standings(["A", "B", "C"], DEAD_HEAT)
    backwards = standings(["C", "B", "A"], list(reversed(DEAD_HEAT)))
    assert forwards == backwards
    assert order(forwards) == ["A", "B", "C"]


def test_tiebreak_decisions_settle_a_tie_nothing_else_could():
    rows = standings(["A", "B", "C"], DEAD_HEAT, tiebreak_decisions=["B", "A"])
    assert places(rows) == [(1, "B", False), (2, "A", False), (3, "C", False)]


def test_teams_missing_from_tiebreak_decisions_stay_tied_after_those_present():
    results = [R("A", "D", 1, 0), R("B", "D", 1, 0), R("C", "D", 1, 0)]
    rows = standings(["A", "B", "C", "D"], results, tiebreak_decisions=["C"])
    assert places(rows) == [(1, "C", False), (2, "A", True), (2, "B", True), (4, "D", False)]


def test_tiebreak_decisions_do_not_override_a_code_that_separates():
    rows = standings(["A", "B", "C", "D"], GD_VERSUS_GF, tiebreak_decisions=["B", "A"])
    assert order(rows)[:2] == ["A", "B"]


def test_playoff_code_lets_the_recorded_playoff_decide_before_goal_difference():
    # A has the better goal difference, but the season's rules sent teams level on points to a
    # playoff, which B won.
    codes = ["points", "playoff", "goal_difference"]
    rows = standings(["A", "B", "C", "D"], GD_VERSUS_GF, tiebreakers=codes, tiebreak_decisions=["B", "A"])
    assert places(rows)[:2] == [(1, "B", False), (2, "A", False)]


def test_playoff_not_yet_played_leaves_teams_level_on_points_tied():
    rows = standings(["A", "B", "C", "D"], GD_VERSUS_GF, tiebreakers=["points", "playoff"])
    assert places(rows)[:2] == [(1, "A", True), (1, "B", True)]


def test_playoff_not_yet_played_falls_through_to_the_later_codes():
    rows = standings(["B", "A", "C", "D"], GD_VERSUS_GF, tiebreakers=["points", "playoff", "goal_difference"])
    assert places(rows)[:2] == [(1, "A", False), (2, "B", False)]


# --- validation --------------------------------------------------------------------------------


def test_unknown_tiebreaker_is_named():
    with pytest.raises(ValueError, match="Unknown tiebreaker 'fair_play'"):
        standings(["A"], [], tiebreakers=["points", "fair_play"])


def test_repeated_tiebreaker_is_named():
    with pytest.raises(ValueError, match="Tiebreaker 'points' is listed twice"):
        validate_tiebreakers(["points", "goal_difference", "points"])


def test_tiebreakers_given_as_a_bare_string_are_refused():
    with pytest.raises(TypeError, match="not the string 'points'"):
        standings(["A"], [], tiebreakers="points")


def test_empty_tiebreakers_are_refused():
    with pytest.raises(ValueError, match="At least one tiebreaker"):
        standings(["A"], [], tiebreakers=[])


def test_result_with_a_team_outside_the_group_is_named():
    with pytest.raises(ValueError, match="Unknown team 'Alianza Lima'"):
        standings(["Cienciano", "Melgar"], [R("Cienciano", "Alianza Lima", 1, 0)])


def test_team_playing_itself_is_refused():
    with pytest.raises(ValueError, match="'Melgar' cannot play itself"):
        standings(["Melgar"], [R("Melgar", "Melgar", 1, 0)])


@pytest.mark.parametrize("bad", [None, -1, "2"])
def test_missing_or_negative_score_is_refused(bad):
    with pytest.raises(ValueError, match="missing or negative score"):
        standings(["A", "B"], [R("A", "B", bad, 0)])


def test_team_listed_twice_is_refused():
    with pytest.raises(ValueError, match="'A' is listed twice in teams"):
        standings(["A", "B", "A"], [])


def test_adjustment_for_a_team_outside_the_group_is_refused():
    with pytest.raises(ValueError, match="Unknown team 'Z' in adjustments"):
        standings(["A", "B"], [], adjustments={"Z": 3})


def test_tiebreak_decision_for_a_team_outside_the_group_is_refused():
    with pytest.raises(ValueError, match="Unknown team 'Z' in tiebreak_decisions"):
        standings(["A", "B"], [], tiebreak_decisions=["A", "Z"])


def test_team_listed_twice_in_tiebreak_decisions_is_refused():
    with pytest.raises(ValueError, match="'A' is listed twice in tiebreak_decisions"):
        standings(["A", "B"], [], tiebreak_decisions=["A", "A"])


# --- rulings and per-season points --------------------------------------------------------


def test_points_awarded_after_a_complaint_take_a_team_top():
    # The shape of the 1998 Region V case: a complaint is upheld, the complaining team
    # receives 3 points and goes top.
    teams = ["Leader", "Complainant", "Other"]
    results = [R("Leader", "Other", 2, 0), R("Complainant", "Other", 1, 1), R("Leader", "Complainant", 1, 1)]
    assert order(standings(teams, results))[0] == "Leader"
    rows = standings(teams, results, adjustments={"Complainant": 3})
    top = rows[0]
    assert (top.team, top.points, top.adjustment, top.won, top.drawn) == ("Complainant", 5, 3, 0, 2)
    assert row_of(rows, "Leader").adjustment == 0


def test_points_docked_drop_a_team_from_first_place():
    results = [R("A", "C", 1, 0), R("B", "C", 1, 1), R("A", "B", 0, 0)]
    assert order(standings(["A", "B", "C"], results)) == ["A", "B", "C"]
    rows = standings(["A", "B", "C"], results, adjustments={"A": -3})
    assert [(row.team, row.points, row.adjustment) for row in rows] == [
        ("B", 2, 0),
        ("A", 1, -3),
        ("C", 1, 0),
    ]


def test_two_points_for_a_win_changes_the_order_against_three():
    # A won one and lost one, B drew twice.  With 3 points A is ahead; with 2 they are level
    # and B's better goal difference puts B ahead.
    results = [R("A", "C", 1, 0), R("D", "A", 3, 0), R("B", "E", 0, 0), R("B", "F", 0, 0)]
    teams = ["A", "B", "C", "D", "E", "F"]
    three = standings(teams, results)
    two = standings(teams, results, points_for_win=2)
    assert (row_of(three, "A").points, row_of(three, "B").points) == (3, 2)
    assert (row_of(two, "A").points, row_of(two, "B").points) == (2, 2)
    assert above(three, "A", "B")
    assert above(two, "B", "A")


# --- real groups --------------------------------------------------------------------------------


def test_copa_peru_2008_national_final_group():
    results = [
        R("Sport Huancayo", "CNI", 0, 1),
        R("Atlético Torino", "Cobresol", 2, 1),
        R("Sport Huancayo", "Atlético Torino", 2, 0),
        R("Cobresol", "CNI", 2, 2),
        R("Sport Huancayo", "Cobresol", 2, 0),
        R("Atlético Torino", "CNI", 1, 1),
    ]
    teams = ["Cobresol", "CNI", "Atlético Torino", "Sport Huancayo"]
    rows = standings(teams, results)
    columns = ("team", "position", "played", "won", "drawn", "lost")
    columns += ("goals_for", "goals_against", "goal_difference", "points")
    # team, Pos, P, W, D, L, GF, GA, GD, Pts
    assert [tuple(getattr(r, c) for c in columns) for r in rows] == [
        ("Sport Huancayo", 1, 3, 2, 0, 1, 4, 1, 3, 6),
        ("CNI", 2, 3, 1, 2, 0, 4, 3, 1, 5),
        ("Atlético Torino", 3, 3, 1, 1, 1, 3, 4, -1, 4),
        ("Cobresol", 4, 3, 0, 1, 2, 3, 6, -3, 1),
    ]
    assert not any(r.tied for r in rows)


# --- rows, registry and documentation -------------------------------------------------------


def test_team_without_results_appears_with_zeros():
    rows = standings(["A", "B", "Idle"], [R("A", "B", 1, 0)])
    idle = row_of(rows, "Idle")
    assert idle.position == 2
    assert (idle.played, idle.won, idle.drawn, idle.lost, idle.goals_for, idle.goals_against) == (0,) * 6
    assert (idle.points, idle.adjustment, idle.goal_difference) == (0, 0, 0)


def test_no_teams_gives_an_empty_table():
    assert standings([], []) == []


def test_row_as_dict_has_every_column():
    row = standings(["A", "B"], [R("A", "B", 3, 1)], adjustments={"A": -1})[0]
    assert row.as_dict() == {
        "team": "A",
        "position": 1,
        "played": 1,
        "won": 1,
        "drawn": 0,
        "lost": 0,
        "goals_for": 3,
        "goals_against": 1,
        "goal_difference": 2,
        "points": 2,
        "tied": False,
        "adjustment": -1,
    }


def test_rows_are_frozen():
    row = StandingsRow("A", 1, 0, 0, 0, 0, 0, 0, 0, 0, False)
    with pytest.raises(AttributeError):
        row.points = 3


def test_docstring_examples_hold():
    outcome = doctest.testmod(standings_module)
    assert outcome.attempted > 0
    assert outcome.failed == 0
